"""Ways to run the same Pipeline: in-process (pipeline.py) or a local process pool."""
