"""wsis-audit's library: parse, extract, retrieve, judge and report, one folder per stage."""
