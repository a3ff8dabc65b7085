recommend --language 'Simplified CHINESE' --task Code --limit 2 --format json
