"""Audits of one or many reports against the same mandates, here, in worker processes or on a Dask cluster.

Each report's work is a pure function, run in this process, in worker processes (`jobs`) or on a Dask cluster
(`scheduler`), with the result cache in front.

The mandates are parsed and extracted once; every report is then one task: `run_member(task, mandates, config,
model)` takes plain, picklable data (the report's bytes or its cached parse, the cached record if there is one,
the reviewer decisions, the formats to render) and returns plain data (the coverage record, the rendered files,
what is worth caching). Only this process reads inputs, consults and fills the cache and writes outputs, so a
Dask worker needs neither the files nor the cache folder, and results are byte-identical wherever they ran.

Modules: naming (which reports, under which names), tasks (one report's work), caching (keys and lookups),
publish (a member's folder), local (here or in processes), on_dask (on a cluster), run (`run_audits`).
"""

from .caching import audit_key
from .local import execute
from .members import AuditRun, Member
from .naming import REPORT_SUFFIXES, expand_reports, member_names
from .on_dask import CONNECT_TIMEOUT_S
from .run import run_audits
from .tasks import MemberResult, MemberTask, render, run_member

__all__ = ["CONNECT_TIMEOUT_S", "REPORT_SUFFIXES", "AuditRun", "Member", "MemberResult", "MemberTask", "audit_key",
           "execute", "expand_reports", "member_names", "render", "run_audits", "run_member"]
