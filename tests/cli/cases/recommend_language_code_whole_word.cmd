recommend --language is --context 8k --limit 3
