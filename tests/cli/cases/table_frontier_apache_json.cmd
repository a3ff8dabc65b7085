table --filter 'frontier and license~apache' --columns model,license,relative_cost,quality,frontier --format json
