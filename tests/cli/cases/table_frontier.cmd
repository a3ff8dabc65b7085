table --filter 'frontier' --columns model,relative_cost,quality,frontier --sort relative_cost
