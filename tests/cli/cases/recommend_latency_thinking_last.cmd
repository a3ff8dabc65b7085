recommend --latency-critical --budget high --limit 5
