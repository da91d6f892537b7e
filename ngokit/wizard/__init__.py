"""The terminal interview, ``ngokit new``: the only package that imports questionary.

``screen`` shows the questions the interview (``ngokit.questions.interview``) decides on;
``command`` runs it from the command line and builds the kit; ``saved`` keeps the answers.
"""

from ngokit.wizard.screen import WizardResult, confirm, keep_answers, run_wizard

__all__ = ["WizardResult", "confirm", "keep_answers", "run_wizard"]
