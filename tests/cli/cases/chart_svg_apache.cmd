chart --filter 'license~apache' --title 'Open models under Apache 2.0'
