recommend --task customer_support --data "$(cp -r "$FIXTURE" hd && sed -i 's/"label": "TruthfulQA"/"label": "Truthful\\u001b[31mQA\\u0007"/' hd/metrics.json && echo hd)"
