# Package containing concurrent.futures (as CPython's concurrent/__init__.py, which is empty).
