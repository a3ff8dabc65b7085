recommend --context 8000 --budget medium --task customer_support --language english --latency-critical --limit 3
