"""The topic schema: vocabularies and cue patterns for every topic, loaded from TOML.

Keeping vocabularies in data means a new substance or a new jurisdiction is a schema
edit, not a code change; `load_topics(path)` merges a user file over the shipped one.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import TopicSchemaError

KINDS = {"quantity", "scale", "status", "credentials", "mentions", "effect"}


@dataclass(frozen=True)
class Topic:
    """One topic of the schema: its key, kind, aliases and the raw TOML table."""

    key: str
    kind: str
    label: str
    aliases: tuple[str, ...]
    config: dict[str, Any] = field(hash=False, compare=False, repr=False)
    _cache: dict = field(default_factory=dict, hash=False, compare=False, repr=False)

    def patterns(self, name: str, *, flags: int = re.I) -> list[re.Pattern[str]]:
        """Compile the list of regexes stored under `name` (a dotted path into config)."""
        key = ("list", name, flags)
        if key not in self._cache:
            self._cache[key] = _compile(self.key, name, tuple(_lookup(self.config, name) or ()),
                                        flags)
        return self._cache[key]

    def regex(self, name: str, *, flags: int = re.I) -> re.Pattern[str] | None:
        """All regexes under `name` as one alternation: one search instead of many.

        None when the list is empty, so callers can tell "no cues" from "no match".
        """
        key = ("one", name, flags)
        if key not in self._cache:
            sources = _lookup(self.config, name) or ()
            self._cache[key] = (re.compile("|".join(f"(?:{s})" for s in sources), flags)
                                if sources else None)
        return self._cache[key]

    def compile(self, sources: list[str], name: str = "", *,
                flags: int = re.I) -> list[re.Pattern[str]]:
        """Compile regexes that live deeper than a dotted path (in arrays of tables)."""
        key = ("deep", name, flags)
        if key not in self._cache:
            self._cache[key] = _compile(self.key, name, tuple(sources), flags)
        return self._cache[key]

    def cached(self, name: str, build: Any) -> Any:
        """`build(self)` once per topic: derived tables that extractors reuse."""
        key = ("built", name)
        if key not in self._cache:
            self._cache[key] = build(self)
        return self._cache[key]

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_cache"] = {}
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def get(self, name: str, default: Any = None) -> Any:
        value = _lookup(self.config, name)
        return default if value is None else value


@dataclass(frozen=True)
class TopicSchema:
    """All topics plus the batch-level vocabularies (comparators, non-subjects)."""

    topics: dict[str, Topic]
    batch: dict[str, Any] = field(hash=False, compare=False, repr=False)
    source: str = "default"
    tables: dict[str, Any] = field(default_factory=dict, hash=False, compare=False,
                                   repr=False)  # other top-level tables ([studies], ...)

    def of_kind(self, kind: str) -> list[Topic]:
        return [t for t in self.topics.values() if t.kind == kind]

    @cached_property
    def comparators(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.batch.get("comparators", []))

    @cached_property
    def alias_words(self) -> frozenset[str]:
        """Words of topic keys and aliases: vocabulary of the topics, never a subject."""
        words: set[str] = set()
        for t in self.topics.values():
            for phrase in (t.key.replace("_", " "), t.label, *t.aliases):
                words.update(re.findall(r"[a-z][a-z0-9-]+", phrase.lower()))
        return frozenset(words)

    @cached_property
    def not_subjects(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.batch.get("not_subjects", []))


def _lookup(config: dict[str, Any], dotted: str) -> Any:
    node: Any = config
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _compile(key: str, name: str, sources: tuple[str, ...], flags: int) -> list[re.Pattern[str]]:
    compiled = []
    for src in sources:
        try:
            compiled.append(re.compile(src, flags))
        except re.error as exc:
            raise TopicSchemaError(f"topic '{key}': bad pattern in {name}: {src!r} "
                                   f"({exc})") from exc
    return compiled


SUBSTANCE_TABLES = ("substances", "classes", "other_things", "renames", "not_substances",
                    "lexicon", "background_law")


def _subjects_list(value: Any, path: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TopicSchemaError(f"{path}: 'subjects' must be a list of names")
    return [v.strip().lower() for v in value if v.strip()]


def _read(path: Path | None, shipped: str = "default.toml") -> dict[str, Any]:
    try:
        if path is None:
            data = resources.files(__package__).joinpath(shipped).read_bytes()
        else:
            data = Path(path).read_bytes()
        return tomllib.loads(data.decode("utf-8"))
    except FileNotFoundError as exc:
        raise TopicSchemaError(f"topic schema not found: {path}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TopicSchemaError(f"topic schema {path or shipped} is not valid TOML: "
                               f"{exc}") from exc


def _merge_substances(into: dict[str, Any], user: dict[str, Any]) -> None:
    """A user file's substance tables add to (or replace entries of) the shipped ones."""
    for name, value in user.items():
        if isinstance(value, dict) and isinstance(into.get(name), dict):
            into[name] = {**into[name], **value}
        else:
            into[name] = value


def load_topics(path: str | Path | None = None) -> TopicSchema:
    """The shipped schema, with the topics of `path` (if given) replacing or adding to it.

    `tables["substances"]` holds the substance lexicon (`substances.toml`, plus any
    `[substances]`, `[classes]`, `[other_things]`, `[background_law]` ... tables of the
    user file), and
    `tables["subjects"]` the user's `subjects = [...]` list.
    """
    base = _read(None)
    tables = {t["key"]: t for t in base.get("topic", [])}
    batch = dict(base.get("batch", {}))
    others = {k: v for k, v in base.items() if k not in ("topic", "batch")}
    others["substances"] = _read(None, "substances.toml")
    others["subjects"] = []
    if path is not None:
        user = _read(Path(path))
        for table in user.get("topic", []):
            if "key" not in table:
                raise TopicSchemaError(f"{path}: every [[topic]] needs a 'key'")
            tables[table["key"]] = table
        for name, value in user.get("batch", {}).items():
            batch[name] = value
        lexicon_tables = {k: user[k] for k in SUBSTANCE_TABLES if k in user}
        _merge_substances(others["substances"], lexicon_tables)
        others["subjects"] = _subjects_list(user.get("subjects", []), path)
        others.update({k: v for k, v in user.items()
                       if k not in ("topic", "batch", "subjects", *SUBSTANCE_TABLES)})
    topics = {}
    for key, table in tables.items():
        kind = table.get("kind")
        if kind not in KINDS:
            raise TopicSchemaError(f"topic '{key}': unknown kind {kind!r} "
                                   f"(known: {', '.join(sorted(KINDS))})")
        topics[key] = Topic(key=key, kind=kind, label=table.get("label", key.replace("_", " ")),
                            aliases=tuple(table.get("aliases", [])), config=table)
    return TopicSchema(topics=topics, batch=batch, source=str(path or "default"),
                       tables=others)
