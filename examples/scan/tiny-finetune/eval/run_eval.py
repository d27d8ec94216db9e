print("evaluation")
