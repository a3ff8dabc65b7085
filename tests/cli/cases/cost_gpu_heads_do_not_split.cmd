cost --model Phi-4-reasoning --gpu L4 --tokens 2B --capacity --context 32000
