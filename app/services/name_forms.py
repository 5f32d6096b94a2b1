"""One given name in the forms of the languages a person's documents may use: Ukrainian
(as Ukraine transliterates it), Russian, and English. A Ukrainian passport says Oleksandr,
Mykola, Serhiy; a Russian-language document or an ear at intake gives Aleksandr, Nikolai,
Sergei; the consonant skeletons differ (h for g, o for a, k for n), so neither spelling
rule of `match_scoring` can tell they are one name. No French forms: Pierre, Michel, Georges
are also Haitian family names, where they are no Petro or Mykhailo. Spellings are folded
(`text.fold`)."""

from __future__ import annotations

_FORMS: tuple[tuple[str, ...], ...] = (
    ("oleksandr", "olexandr", "oleksander", "aleksandr", "alexandr", "aleksander",
     "alexander"),
    ("oleksiy", "oleksii", "olexiy", "aleksei", "aleksey", "alexei", "alexey"),
    ("mykola", "nikolai", "nikolay", "nicolai", "nicholas"),
    ("mykhailo", "mykhaylo", "mikhail", "mikhael", "michael"),
    ("serhiy", "serhii", "sergiy", "sergii", "sergei", "sergey"),
    ("oleh", "oleg"),
    ("ihor", "igor"),
    ("yevhen", "yevgen", "evgeny", "evgeniy", "yevgeny", "yevgeniy", "eugene"),
    ("heorhiy", "heorhii", "georgiy", "georgii", "georgy", "george"),
    ("hryhoriy", "hryhorii", "grigoriy", "grigorii", "grigory", "gregory"),
    ("petro", "pyotr", "petr", "peter"),
    ("pavlo", "pavel", "paul"),
    ("halyna", "galina"),
    ("hanna", "ganna", "anna"),
    ("olha", "olga"),
    ("kateryna", "ekaterina", "yekaterina", "katerina", "katherine", "catherine"),
    ("liudmyla", "lyudmyla", "lyudmila", "liudmila", "ludmila"),
    ("nadiia", "nadiya", "nadezhda"),
    ("valentyna", "valentina"),
    ("tetiana", "tetyana", "tatiana", "tatyana", "tatjana"),
)
_GROUP = {spelling: n for n, group in enumerate(_FORMS) for spelling in group}


def same_given_name(a: str, b: str) -> bool:
    """Two folded words that are forms of one given name (and not the same spelling)."""
    group = _GROUP.get(a)
    return group is not None and a != b and _GROUP.get(b) == group
