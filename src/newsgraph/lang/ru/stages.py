"""The Russian stages, declared in the order the pipeline runs them (each after what it requires)."""
from __future__ import annotations

from ...stages.base import Stage
from ...stages.entities import ru as entities
from ...stages.events import ru as events
from ...stages.numbers import ru as numbers
from ...stages.places import ru as places
from ...stages.quotes import ru as quotes
from ...stages.times import ru as times

STAGES: tuple[Stage, ...] = (
    Stage(name="entities", version=entities.VERSION, produces="entities", run=entities.run),
    Stage(name="times", version=times.VERSION, produces="times", run=times.run),
    Stage(name="places", version=places.VERSION, produces="places", run=places.run, requires=("entities",)),
    Stage(name="quotes", version=quotes.VERSION, produces="quotes", run=quotes.run, requires=("entities",)),
    Stage(name="numbers", version=numbers.VERSION, produces="numbers", run=numbers.run,
          requires=("entities", "quotes")),
    Stage(name="events", version=events.VERSION, produces="events", run=events.run,
          requires=("entities", "times", "places", "quotes")),
)


def stages() -> tuple[Stage, ...]:
    return STAGES
