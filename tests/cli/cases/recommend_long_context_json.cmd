recommend --context 32k --budget low --limit 3 --format json
