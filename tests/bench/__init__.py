"""argmap's benchmark: a seeded generator of realistic maps and a runner that times
whole commands. Not a test: nothing here asserts a time. Run ``python -m tests.bench``."""
