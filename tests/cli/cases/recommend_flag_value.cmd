recommend --latency-critical=yes
