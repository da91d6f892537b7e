"""Questions and answers: the questionnaire a kit declares, what people type, and valid answers.

``questionnaire`` reads ``questions.yaml``; ``coercion`` turns what people and spreadsheets
type into typed values; ``answers`` validates a whole set into :class:`Answers`;
``interview`` holds the rules of asking one question after another, with no screen.
"""
