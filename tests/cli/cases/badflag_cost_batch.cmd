cost --model Mistral-7B --batch 0
