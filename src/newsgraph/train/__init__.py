"""Training of learned components from gold data (development tools, never imported at run time).

``python -m newsgraph.train.quotes GOLD_DIR`` trains the quote cue model of
``stages/quotes/model.py`` on PolNeAR train and writes its weights file.
"""
