cost --load "$SHARED/litellm_model_prices_and_context_window.json" --api gpt-4o --tokens 1B --input-share 0.5 --format json
