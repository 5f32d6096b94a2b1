"""The key envelope: the database's raw 32-byte key, wrapped with AES-256-GCM under a key
derived from the passphrase with Argon2id. Changing the passphrase re-wraps the same key."""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import StoreCorrupt, WrongPassphrase

FORMAT = "ccms-envelope-1"
KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default is RFC 9106's second recommended option (64 MiB, t=3, p=4)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        return hash_secret_raw(
            passphrase.encode("utf-8"),
            salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )


DEFAULT_KDF = KdfParams()
# Floor below which an envelope is refused: a tampered file must not be able to lower the cost.
MIN_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(kdf: KdfParams, store_id: str) -> bytes:
    # Binding the parameters and store id means neither can be swapped without the tag failing.
    return json.dumps({"format": FORMAT, "kdf": asdict(kdf), "store_id": store_id},
                      sort_keys=True).encode()


def wrap_key(key: bytes, passphrase: str, store_id: str, kdf: KdfParams = DEFAULT_KDF) -> dict:
    if len(key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = kdf.derive(passphrase, salt)
    ciphertext = AESGCM(kek).encrypt(nonce, key, _aad(kdf, store_id))
    return {
        "format": FORMAT,
        "store_id": store_id,
        "kdf": {"name": "argon2id", **asdict(kdf)},
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "wrapped_key": _b64(ciphertext),
    }


def parse_kdf(envelope: dict) -> KdfParams:
    raw = envelope["kdf"]
    if raw.get("name") != "argon2id":
        raise StoreCorrupt("the key file names an unknown key derivation")
    kdf = KdfParams(int(raw["time_cost"]), int(raw["memory_kib"]), int(raw["parallelism"]))
    if (kdf.time_cost < MIN_KDF.time_cost or kdf.memory_kib < MIN_KDF.memory_kib
            or kdf.parallelism < MIN_KDF.parallelism):
        raise StoreCorrupt("the key file asks for a key derivation weaker than allowed")
    return kdf


def unwrap_key(envelope: dict, passphrase: str) -> bytes:
    try:
        if envelope.get("format") != FORMAT:
            raise StoreCorrupt("the key file is not a CCMS key envelope")
        kdf = parse_kdf(envelope)
        salt, nonce = _unb64(envelope["salt"]), _unb64(envelope["nonce"])
        wrapped = _unb64(envelope["wrapped_key"])
        store_id = str(envelope["store_id"])
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreCorrupt("the key file is damaged") from exc
    kek = kdf.derive(passphrase, salt)
    try:
        key = AESGCM(kek).decrypt(nonce, wrapped, _aad(kdf, store_id))
    except InvalidTag as exc:
        raise WrongPassphrase("wrong passphrase") from exc
    if len(key) != KEY_BYTES:
        raise StoreCorrupt("the key file is damaged")
    return key


def read_envelope(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        from app.errors import StoreMissing

        raise StoreMissing(f"no store in {path.parent}; create one first") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreCorrupt("the key file is damaged or not a CCMS key file") from exc
    if not isinstance(data, dict):
        raise StoreCorrupt("the key file is damaged or not a CCMS key file")
    return data


def write_envelope(path: Path, envelope: dict) -> None:
    """Atomic replace with owner-only permissions, so a crash never leaves half a key file."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(envelope, fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
