cost --model nosuch
