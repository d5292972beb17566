"""Small reusable widgets (no business logic: they show data and emit signals)."""
