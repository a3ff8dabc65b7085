cost --tokens 2B --capacity --model DeepSeek-V4-Flash --format json
