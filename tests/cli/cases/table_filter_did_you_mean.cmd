table --filter 'contex>=128k'
