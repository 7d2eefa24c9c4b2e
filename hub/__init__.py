"""The Bristol safeguarding strategy hub: data, progress and views, testable without MkDocs."""
