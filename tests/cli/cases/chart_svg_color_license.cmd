chart --color license --filter 'frontier or license~apache'
