cost --model Mistral-7B --context -1
