chart --filter 'family~gemma'
