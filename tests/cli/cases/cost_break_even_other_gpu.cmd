cost --model Mistral-Small-3.2-24B-Instruct-2506 --tokens 100M --context 32000 --capacity
