namespace NewsLens.Interactive;
