/** PEFT's adapter layout (`PeftModel.save_pretrained`): the config and the adapter weights. */
export const ADAPTER_CONFIG_FILE = 'adapter_config.json';
export const ADAPTER_WEIGHTS_FILE = 'adapter_model.safetensors';
/** The pickle PEFT writes with `safe_serialization=False`; not read here. */
export const ADAPTER_PICKLE_FILE = 'adapter_model.bin';

/** PEFT prefixes state-dict keys with its wrapper modules: `base_model.model.<module path>…`. */
export const PEFT_PREFIX = 'base_model.model.';
