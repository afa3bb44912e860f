"""GET /api/v1/monitor query parameters: filters and paging, per the v1 spec."""

from dataclasses import dataclass

from .render import parse_group_states, scope_tags

MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 100


class BadRequest(ValueError):
    pass


@dataclass(frozen=True)
class ListParams:
    name: object = None
    scope: tuple = ()
    monitor_tags: tuple = ()
    group_filter: object = None
    with_downtimes: bool = False
    id_offset: object = None
    page: object = None
    page_size: int = DEFAULT_PAGE_SIZE


def _split(raw):
    return tuple(part.strip() for part in raw.split(",") if part.strip()) if raw else ()


def _integer(query, name, minimum):
    raw = query.get(name)
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"Invalid {name}: {raw!r} is not an integer") from None
    if value < minimum:
        raise BadRequest(f"Invalid {name}: must be >= {minimum}")
    return value


def boolean(query, name):
    raw = query.get(name)
    if raw is None:
        return False
    if raw.lower() in ("true", "1"):
        return True
    if raw.lower() in ("false", "0"):
        return False
    raise BadRequest(f"Invalid {name}: {raw!r} is not a boolean")


def parse_list_params(query):
    """`query` maps each parameter to its last value."""
    page = _integer(query, "page", 0)
    page_size = _integer(query, "page_size", 1)
    if page_size is not None and page_size > MAX_PAGE_SIZE:
        raise BadRequest(f"Invalid page_size: must be <= {MAX_PAGE_SIZE}")
    return ListParams(
        name=query.get("name") or None,
        scope=_split(query.get("tags")),
        monitor_tags=_split(query.get("monitor_tags")),
        group_filter=parse_group_states(query.get("group_states")),
        with_downtimes=boolean(query, "with_downtimes"),
        id_offset=_integer(query, "id_offset", 0),
        page=page,
        page_size=page_size or DEFAULT_PAGE_SIZE,
    )


def select(entries, params, groups_of):
    """Filter and page `entries` (definition, override) pairs, sorted by id.

    `groups_of(entry)` gives the group names, which the `tags` (scope) filter also matches.
    """
    chosen = []
    for entry in sorted(entries, key=lambda item: item[0].id):
        definition = entry[0]
        if params.id_offset is not None and definition.id <= params.id_offset:
            continue
        if params.name and params.name.lower() not in definition.name.lower():
            continue
        if not set(params.monitor_tags) <= set(definition.tags):
            continue
        if params.scope and not _in_scope(params.scope, definition, groups_of(entry)):
            continue
        chosen.append(entry)
    if params.page is None:
        return chosen
    start = params.page * params.page_size
    return chosen[start:start + params.page_size]


def _in_scope(wanted, definition, group_names):
    available = scope_tags(definition.query)
    for name in group_names:
        available.update(part for part in name.split(",") if ":" in part)
    return set(wanted) <= available
