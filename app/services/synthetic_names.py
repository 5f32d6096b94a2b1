"""Synthetic names of many origins (never real people) for seeding and benchmarks."""

from __future__ import annotations

FAMILY_NAMES = (
    "Nguyen", "Nguyễn", "Tran", "Trần", "Mohammed", "Muhammad", "Mohamad", "García", "Garcia",
    "Okafor", "Haddad", "Singh", "Kaur", "Tremblay", "Lee", "Kim", "Ahmadi", "Hosseini",
    "Diallo", "Traoré", "Silva", "Santos", "Ivanenko", "Kowalski", "Abebe", "Tesfaye",
    "Rahman", "Chowdhury", "Martínez-López", "Dubois", "Gagnon", "Mensah", "Osei", "Yılmaz",
    "Demir", "Popescu", "Fernández", "Ali", "Hassan", "Wang", "Zhang", "Chen", "Pérez",
    "Rodríguez", "Nkurunziza", "Uwimana", "Baptiste", "Jean-Louis", "O'Brien", "Kovačević",
    "Abdullahi", "Mwangi", "Otieno", "Reyes", "Cruz", "Khan", "Begum", "Farah", "Al-Masri",
    "Ben Ali", "De la Cruz", "Van der Berg", "Ndiaye", "Sow", "Bah", "Kamara", "Conteh",
    "Ochieng", "Tadesse", "Gebremedhin", "Habte", "Yohannes", "Bondarenko", "Shevchenko",
    "Petrov", "Navarro", "Ramírez", "Castillo", "Morales", "Quispe", "Mamani", "Joseph",
    "Pierre", "Saint-Fleur", "Charles", "Hamid", "Karimi", "Rezaei", "Sharma", "Patel",
)
GIVEN_NAMES = (
    "Amina", "Fatima", "José", "María José", "Thi Lan", "Minh", "Ahmed", "Omar", "Yusuf",
    "Grace", "Emmanuel", "Chidi", "Ngozi", "Ana Sofía", "Luis", "Daniel", "Samuel", "Olena",
    "Dmytro", "Aisha", "Mariam", "Ibrahim", "Hamza", "Priya", "Arjun", "Wei", "Jun", "Mei",
    "Hana", "Sara", "Élise", "Jean-Pierre", "Kwame", "Abena", "Tariq", "Nadia", "Rosa",
    "Carlos", "Lucía", "Mateo", "Selam", "Dawit", "Hiwot", "Abdi", "Hodan", "Fadumo",
    "Mohamed Ali", "Nour", "Rania", "Khadija", "Moussa", "Aminata", "Fatoumata", "Oksana",
    "Andriy", "Guadalupe", "Juan Carlos", "Wilner", "Marie-Claude", "Reza", "Zahra",
)
# Other scripts appear as aliases, as they do on identity documents.
SCRIPT_ALIASES = (
    ("محمد", "أحمد"), ("Іваненко", "Олена"), ("王伟明", None), ("Нгуен", None), ("حسن", None),
    ("ትግስት", None), ("김민준", None),
)
COUNTRIES = ("MX", "HT", "NG", "IN", "VN", "IR", "SO", "ER", "CO", "UA", "CN", "PK", "SY",
             "ET", "CD", "GT", "SV", "HN", "AF", "BD")
LANGUAGES = ("en", "fr", "es", "ar", "vi", "fa", "so", "ti", "uk", "zh", "pa", "ht", "sw",
             "am", "ps", "bn")
PROVIDERS = ("Community Housing Society", "Settlement Services Centre", "Employment Hub",
             "Mental Health Outreach", "Addiction Recovery Program", "Community Health Clinic",
             "Family and Children's Services", "Legal Aid Clinic", "Income Support Office",
             "Identity Documents Clinic", "Work Permit Assistance")


# `ccms seed` writes only names of six bytes or more. Anyone checking that no seeded name
# appears in the encrypted files (`grep -r`) would otherwise find three- and four-letter
# strings by pure chance in hundreds of megabytes of ciphertext; six bytes make that about
# one chance in a million per name. Short names are exercised by the matcher's tests.
MIN_SEED_NAME_BYTES = 6
SEED_FAMILY_NAMES = tuple(n for n in FAMILY_NAMES if len(n.encode()) >= MIN_SEED_NAME_BYTES)
