chart --format text --filter 'license~apache'
