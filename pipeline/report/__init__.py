"""Writers of audit results, one module per format."""
