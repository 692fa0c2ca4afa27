"""Editor tooling: scaffolds for new content and the generated contribution guide."""
