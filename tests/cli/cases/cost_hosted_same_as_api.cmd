cost --model gpt-oss-120b --gpu h100 --tokens 10M --capacity --api gpt-4o-mini
