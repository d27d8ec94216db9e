print("direct preference optimisation")
