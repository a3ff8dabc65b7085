table --filter 'nosuch>3'
