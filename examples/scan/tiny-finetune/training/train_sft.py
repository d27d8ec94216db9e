print("supervised fine-tuning")
