"""Finding the styles the writer needs in a reference by their built-in identity, whatever an
application called them.

Word writes a built-in style's English name (``heading 1``, ``toc 1``) in every language, with
a style id that may be localised (``berschrift1`` in German Word); LibreOffice 7.4 saves
Word's ``toc 1`` as ``TOC 1`` with the id ``Contents1``, and older versions, or a document
begun in LibreOffice, may name it ``Contents 1``; a few programs write the localised names
Word shows (``Titre 1``). So a style is found by its name, then by an alias (``w:aliases``),
then by its id, each compared without case or spaces against every name the style is known by.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.styles import CT_Style, CT_Styles

from ngokit.writer.styles import CHARACTER_STYLES, PARAGRAPH_STYLES, TABLE_STYLES

LIBREOFFICE_NAMES = {"Normal": "Default Paragraph Style", "TOC Heading": "Contents Heading", "toc 1": "Contents 1",
                     "toc 2": "Contents 2", "Hyperlink": "Internet Link"}  # fmt: skip
"""LibreOffice's names for the built-in styles whose names it does not share with Word."""

OTHER_NAMES: dict[str, tuple[str, ...]] = {
    # Older LibreOffice's, then Word's in French, Spanish, Portuguese, German and Russian.
    "Normal": ("Default Style", "Standard", "Обычный"),
    "Title": ("Titre", "Título", "Titel", "Название"),
    "Subtitle": ("Sous-titre", "Subtítulo", "Untertitel", "Подзаголовок"),
    "Heading 1": ("Titre 1", "Título 1", "Überschrift 1", "Заголовок 1"),
    "Heading 2": ("Titre 2", "Título 2", "Überschrift 2", "Заголовок 2"),
    "Heading 3": ("Titre 3", "Título 3", "Überschrift 3", "Заголовок 3"),
    "List Bullet": ("Liste à puces", "Lista con viñetas", "Com marcadores", "Aufzählungszeichen",
                    "Маркированный список"),
    "List Bullet 2": ("Liste à puces 2", "Lista con viñetas 2", "Com marcadores 2", "Aufzählungszeichen 2",
                      "Маркированный список 2"),
    "List Number": ("Liste numéros", "Lista con números", "Numerada", "Listennummer", "Нумерованный список"),
    "List Number 2": ("Liste numéros 2", "Lista con números 2", "Numerada 2", "Listennummer 2",
                      "Нумерованный список 2"),
    "Header": ("En-tête", "Encabezado", "Cabeçalho", "Kopfzeile", "Верхний колонтитул"),
    "Footer": ("Pied de page", "Pie de página", "Rodapé", "Fußzeile", "Нижний колонтитул"),
    "TOC Heading": ("En-tête de table des matières", "Título de TDC", "Cabeçalho do Sumário",
                    "Inhaltsverzeichnisüberschrift", "Заголовок оглавления"),
    "toc 1": ("TM 1", "TDC 1", "Sumário 1", "Verzeichnis 1", "Оглавление 1"),
    "toc 2": ("TM 2", "TDC 2", "Sumário 2", "Verzeichnis 2", "Оглавление 2"),
    "Hyperlink": ("Lien hypertexte", "Hipervínculo", "Гиперссылка"),
    "Table Grid": ("Grille du tableau", "Tabla con cuadrícula", "Tabela com grade", "Tabellenraster",
                   "Сетка таблицы"),
}  # fmt: skip
"""Other names of the built-in styles the writer needs, as some files carry them; the kit's own
styles (Guidance, Cover Detail, Table Text, Blank) have only their name."""

STYLE_TYPES = {**dict.fromkeys(PARAGRAPH_STYLES, "paragraph"), **dict.fromkeys(CHARACTER_STYLES, "character"),
               **dict.fromkeys(TABLE_STYLES, "table")}  # fmt: skip
"""The type of each style the writer needs, by its name in styles.py."""


def find_styles(styles: CT_Styles) -> dict[str, str]:
    """Return the id of each style the writer needs that ``styles`` has, by its name in styles.py.

    Normal is the default paragraph style, whatever its name. Otherwise a match by name beats
    one by alias, which beats one by id; among equals the first style in the file wins.
    """
    found: dict[str, str] = {}
    for name, kind in STYLE_TYPES.items():
        candidates = [s for s in styles.xpath(f'w:style[@w:type="{kind}"]') if s.styleId]
        style = _default_style(candidates) if name == "Normal" else None
        style = style if style is not None else _best_match(candidates, known_names(name))
        if style is not None and style.styleId:
            found[name] = style.styleId
    return found


def known_names(name: str) -> set[str]:
    """Return every name a style the writer needs is known by, as compared (see ``_keys``)."""
    return _keys(name, LIBREOFFICE_NAMES.get(name, ""), *OTHER_NAMES.get(name, ()))


def _default_style(styles: list[CT_Style]) -> CT_Style | None:
    return next((s for s in styles if s.get(qn("w:default")) in ("1", "true", "on")), None)


def _best_match(styles: list[CT_Style], keys: set[str]) -> CT_Style | None:
    """Return the style whose name, else an alias, else its id, is one of ``keys``."""
    for identity in (_name_keys, _alias_keys, _id_keys):
        match = next((s for s in styles if identity(s) & keys), None)
        if match is not None:
            return match
    return None


def _name_keys(style: CT_Style) -> set[str]:
    return _keys(style.name_val or "")


def _alias_keys(style: CT_Style) -> set[str]:
    aliases = style.find(qn("w:aliases"))
    return _keys(*(aliases.get(qn("w:val"), "").split(","))) if aliases is not None else set()


def _id_keys(style: CT_Style) -> set[str]:
    return _keys(style.styleId or "")


def _keys(*names: str) -> set[str]:
    """Return names as compared: without case, spaces or hyphens ("toc 1", "TOC1", "Contents1")."""
    return {"".join(n.casefold().replace("-", " ").split()) for n in names if n.strip()}
