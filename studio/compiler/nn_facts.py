"""What the code generator needs to know about ``torch.nn``, written down so that code
generation to text never imports torch (a test compares every entry with torch itself).

* :data:`MODULE_ATTRIBUTES`: the attribute names of ``nn.Module``, ``nn.ModuleDict`` and
  ``nn.Sequential`` (a submodule may not take one of these names);
* :func:`keyword_order`: the order of the constructor arguments of the ``nn`` classes the
  layer catalogue maps to, read from each spec's ``torch_keywords``. A class without one
  still generates correct code, with every argument as a keyword in the order the spec
  gives it.
"""
from __future__ import annotations

from studio.core.spec import keyword_order as spec_keyword_order

MODULE_ATTRIBUTES = frozenset("""
    T_destination __add__ __annotations__ __call__ __class__ __contains__ __delattr__
    __delitem__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__ __getattr__ __getattribute__
    __getitem__ __getstate__ __gt__ __hash__ __iadd__ __imul__ __init__ __init_subclass__
    __iter__ __le__ __len__ __lt__ __module__ __mul__ __ne__ __new__ __reduce__ __reduce_ex__
    __repr__ __rmul__ __setattr__ __setitem__ __setstate__ __sizeof__ __str__ __subclasshook__
    __weakref__ _apply _backward_hooks _backward_pre_hooks _buffers _call_impl
    _compiled_call_impl _forward_hooks _forward_hooks_always_called _forward_hooks_with_kwargs
    _forward_pre_hooks _forward_pre_hooks_with_kwargs _get_backward_hooks
    _get_backward_pre_hooks _get_item_by_idx _get_name _is_full_backward_hook
    _load_from_state_dict _load_state_dict_post_hooks _load_state_dict_pre_hooks
    _maybe_warn_non_full_backward_hook _modules _named_members _non_persistent_buffers_set
    _parameters _register_load_state_dict_pre_hook _register_state_dict_hook
    _replicate_for_data_parallel _save_to_state_dict _slow_forward _state_dict_hooks
    _state_dict_pre_hooks _version _wrapped_call_impl add_module append apply bfloat16 buffers
    call_super_init children clear compile cpu cuda double dump_patches eval extend extra_repr
    float forward get_buffer get_extra_state get_parameter get_submodule half insert ipu items
    keys load_state_dict modules mtia named_buffers named_children named_modules
    named_parameters parameters pop register_backward_hook register_buffer register_forward_hook
    register_forward_pre_hook register_full_backward_hook register_full_backward_pre_hook
    register_load_state_dict_post_hook register_load_state_dict_pre_hook register_module
    register_parameter register_state_dict_post_hook register_state_dict_pre_hook requires_grad_
    set_extra_state set_submodule share_memory state_dict to to_empty train training type update
    values xpu zero_grad
""".split())

def keyword_order(cls_name: str) -> tuple[str, ...]:
    """Constructor keyword order of a torch class a layer spec builds: the spec's
    ``torch_keywords`` (empty when no spec says: every argument is then written by name)."""
    return spec_keyword_order(cls_name)


#: leading constructor arguments without a default, written positionally (``nn.Conv2d(3, 64, ...)``)
POSITIONAL = ("in_channels", "out_channels", "in_features", "out_features", "num_features")
