cost --model MiniMax-M2.5 --tokens 2B --capacity
