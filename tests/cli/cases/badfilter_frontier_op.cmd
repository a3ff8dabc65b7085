table --filter 'frontier>=1'
