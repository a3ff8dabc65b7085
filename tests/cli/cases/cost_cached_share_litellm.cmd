cost --load $SHARED/litellm_model_prices_and_context_window.json --api gpt-4o-mini --cached-share 0.5 --tokens 1B --format json
