import json
C=[]
def add(domain, cls, url, text, fix, terms):
    C.append(dict(domain=domain, cls=cls, url=url, text=text, fix=fix, fix_terms=terms))
add("pandas","version_drift","https://github.com/cppcoders/cpm-python/issues/3",
"""Traceback (most recent call last):
  File "/home/dbezborodov/src/cpm-python/main.py", line 30, in <module>
    data = data.append(df)
           ^^^^^^^^^^^
  File "/home/dbezborodov/src/cpm-python/venv/lib64/python3.11/site-packages/pandas/core/generic.py", line 5989, in __getattr__
    return object.__getattribute__(self, name)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
AttributeError: 'DataFrame' object has no attribute 'append'. Did you mean: '_append'?""",
"DataFrame.append was removed in pandas 2.0: build the result with pd.concat (or pin pandas below 2.0).",
["concat(","pd.concat","pandas<2","pandas==1"])
add("numpy","version_drift","https://github.com/csxmli2016/ASFFNet512/issues/8",
"""Traceback (most recent call last):
  File "main_test.py", line 159, in <module>
    optimal_ref_landmarks, optimal_ref_path = optimal_reference_selection(lq_landmarks, land_path)
  File "main_test.py", line 80, in optimal_reference_selection
    tmp = [np.float(i) for i in line.split(' ') if i != '\\n']
  File "main_test.py", line 80, in <listcomp>
    tmp = [np.float(i) for i in line.split(' ') if i != '\\n']
  File "C:\\Users\\leolo\\anaconda3\\envs\\net\\lib\\site-packages\\numpy\\__init__.py", line 305, in __getattr__
    raise AttributeError(__former_attrs__[attr])
AttributeError: module 'numpy' has no attribute 'float'.
`np.float` was a deprecated alias for the builtin `float`. To avoid this error in existing code, use `float` by itself. Doing this will not modify any behavior and is safe. If you specifically wanted the numpy scalar type, use `np.float64` here.
The aliases was originally deprecated in NumPy 1.20; for more details and guidance see the original release note at:
    https://numpy.org/devdocs/release/1.20.0-notes.html#deprecations""",
"np.float was removed in NumPy 1.24; the reporter solved it with pip install \"numpy<1.24\" (alternatively use the builtin float / np.float64).",
["numpy<1.24","numpy==1.23","float64","builtin float"])
add("numpy","version_drift","https://github.com/timsainb/noisereduce/issues/102",
"""AttributeError: module 'numpy' has no attribute 'float'.
`np.float` was a deprecated alias for the builtin `float`. To avoid this error in existing code, use `float` by itself. Doing this will not modify any behavior and is safe. If you specifically wanted the numpy scalar type, use `np.float64` here.
The aliases was originally deprecated in NumPy 1.20; for more details and guidance see the original release note at:
    https://numpy.org/devdocs/release/1.20.0-notes.html#deprecations. Did you mean: 'cfloat'?""",
"The np.float call came from an old librosa used by noisereduce; upgrading librosa to 0.10.1 fixed it.",
["librosa"])
add("tensorflow","version_drift","https://github.com/aparrish/pincelate/issues/8",
"""AttributeError: module 'tensorflow' has no attribute 'placeholder'""",
"tf.placeholder only exists in TensorFlow 1; the workaround is to install TensorFlow 1 (pip install tensorflow==1.15.2) or use tf.compat.v1.",
["tensorflow==1","compat.v1"])
add("sklearn","version_drift","https://github.com/scikit-learn/sklearn-pypi-package/issues/46",
"""Cell In[5], line 5
       from sklearn.tree import DecisionTreeClassifier
      
---->  from sklearn.externals import joblib

       music_data = pd.read_csv("music.csv")
       X = music_data.drop(columns = ["genre"])

ImportError: cannot import name 'joblib' from 'sklearn.externals' (C:\\Users\\USER\\anaconda3\\Lib\\site-packages\\sklearn\\externals\\__init__.py)""",
"joblib is a separate package now; replace `from sklearn.externals import joblib` with `import joblib`.",
["import joblib"])
add("environment","environment","https://github.com/JuergenFleiss/atrain_core/issues/10",
"""A module that was compiled using NumPy 1.x cannot be run in
NumPy 2.0.0 as it may crash. To support both 1.x and 2.x
versions of NumPy, modules must be compiled with NumPy 2.0.
Some module may need to rebuild instead e.g. with 'pybind11>=2.12'.

If you are a user of the module, the easiest solution will be to
downgrade to 'numpy<2' or try to upgrade the affected module.
We expect that some modules will need time to support NumPy 2.""",
"Workaround that the reporter and maintainer accepted: pin NumPy 1.x with pip install -U numpy==1.26.4 until the package supports NumPy 2.",
["numpy==1.26.4","numpy<2"])
add("numpy","version_drift","https://github.com/JuergenFleiss/atrain_core/issues/10",
"""AttributeError: `np.NaN` was removed in the NumPy 2.0 release. Use `np.nan` instead.. Did you mean: 'nan'?""",
"np.NaN was removed in NumPy 2.0; the thread's workaround was pinning numpy==1.26.4 (the code fix is to use np.nan).",
["np.nan","numpy==1.26.4","numpy<2"])
add("environment","environment","https://github.com/Xt-cyh/CoDI-Eval/issues/4",
"""ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject""",
"pandas was built against NumPy 1.x while NumPy 2 was installed; reinstalling numpy==1.26.4 fixed it.",
["numpy==1.26.4","numpy<2"])
add("jupyter","jupyter","https://github.com/NVIDIA-NeMo/Speech/pull/2199",
"""ImportError: IProgress not found. Please update jupyter and ipywidgets. See https://ipywidgets.readthedocs.io/en/stable/user_install.html""",
"tqdm's notebook progress bar needs ipywidgets; install ipywidgets in the notebook environment.",
["ipywidgets"])
add("jupyter","jupyter","https://github.com/tqdm/tqdm/issues/1072",
"""NameError: name 'IProgress' is not defined""",
"Maintainer: ipywidgets must be installed in the kernel you are actually using (not just the Jupyter server environment).",
["ipywidgets"])
add("jupyter","jupyter","https://github.com/twintproject/twint/issues/840",
"""RuntimeError                              Traceback (most recent call last)
<ipython-input-5-1ac961cf7475> in <module>()
     17 
     18 
---> 19 twint.run.Search(c)
     20 dfunsorted = twint.storage.panda.Tweets_df
     21 

3 frames
/usr/lib/python3.6/asyncio/base_events.py in run_forever(self)
    423         self._check_closed()
    424         if self.is_running():
--> 425             raise RuntimeError('This event loop is already running')
    426         if events._get_running_loop() is not None:
    427             raise RuntimeError(

RuntimeError: This event loop is already running""",
"The notebook already runs an asyncio loop; import nest_asyncio and call nest_asyncio.apply() before running the code.",
["nest_asyncio","nest-asyncio"])
add("jupyter","jupyter","https://github.com/icaros-usc/pyribs/issues/346",
"""AttributeError: Can't get attribute 'simulate' on <module '__main__' (built-in)>""",
"Functions passed to multiprocessing.Pool from a notebook cannot be unpickled by spawned workers; move the function into a separate .py module and import it.",
["separate module","own file",".py file","import it from a module"])
add("jupyter","jupyter","https://github.com/plotly/plotly.py/issues/3285",
"""Mime type rendering requires nbformat>=4.2.0 but it is not installed""",
"Install/upgrade nbformat (pip install --upgrade nbformat) into the kernel's environment and restart the kernel.",
["nbformat"])
add("environment","environment","https://github.com/helpshift/pypiprivate/issues/15",
"""from markupsafe import Markup, escape, soft_unicode
ImportError: cannot import name 'soft_unicode' from 'markupsafe'""",
"MarkupSafe 2.1 removed soft_unicode used by old Jinja2; pin markupsafe==2.0.1.",
["markupsafe==2.0.1","markupsafe<2.1"])
add("environment","environment","https://github.com/httprunner/httprunner/issues/1165",
"""ImportError: cannot import name 'soft_unicode' from 'markupsafe' (/usr/local/lib/python3.8/site-packages/markupsafe/__init__.py)""",
"Upgrading jinja2 to the latest version (which no longer imports soft_unicode) fixed it.",
["upgrade jinja2","jinja2>=3","-U jinja2","--upgrade jinja2"])
add("environment","environment","https://github.com/ML-GSAI/EGSDE/issues/12",
"""ImportError: urllib3 v2 only supports OpenSSL 1.1.1+, currently the 'ssl' module is compiled with 'OpenSSL 1.0.2o-fips  27 Mar 2018'. See: https://github.com/urllib3/urllib3/issues/2168""",
"The Python's ssl is linked against old OpenSSL; downgrade urllib3 to 1.x (pip install urllib3==1.26.6).",
["urllib3==1.26","urllib3<2"])
add("environment","environment","https://github.com/zachglick/apnet/issues/1",
"""TypeError: Descriptors cannot be created directly.
If this call came from a _pb2.py file, your generated code is out of date and must be regenerated with protoc >= 3.19.0.
If you cannot immediately regenerate your protos, some other possible workarounds are:
 1. Downgrade the protobuf package to 3.20.x or lower.
 2. Set PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python (but this will use pure-Python parsing and will be much slower).

More information: https://developers.google.com/protocol-buffers/docs/news/2022-05-06#python-updates""",
"Downgrade protobuf to 3.20.x: pip install --upgrade \"protobuf<=3.20.1\".",
["protobuf<=3.20","protobuf==3.20","protobuf<3.21","PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION"])
add("environment","environment","https://github.com/globus/globus-sample-data-portal/issues/68",
"""Traceback (most recent call last):
  File "C:\\Users\\elmim\\dev\\globus-sample-data-portal\\run_portal.py", line 3, in <module>
    from portal import app
  File "C:\\Users\\elmim\\dev\\globus-sample-data-portal\\portal\\__init__.py", line 1, in <module>
    from flask import Flask
  File "C:\\Users\\elmim\\dev\\globus-sample-data-portal\\venv\\lib\\site-packages\\flask\\__init__.py", line 14, in <module>
    from jinja2 import escape
ImportError: cannot import name 'escape' from 'jinja2' (C:\\Users\\elmim\\dev\\globus-sample-data-portal\\venv\\""",
"Old Flask 1.x imports jinja2.escape which Jinja2 3.1 removed; upgrading Flask to 2.1.x fixed it (or pin jinja2<3.1).",
["flask==2.1","flask>=2","jinja2<3.1","jinja2==3.0"])
add("pandas","version_drift","https://github.com/qfgaohao/pytorch-ssd/pull/197",
"""  File "/opt/conda/envs/py311/lib/python3.11/site-packages/pandas/core/generic.py", line 6299, in __getattr__
    return object.__getattribute__(self, name)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
AttributeError: 'Series' object has no attribute 'iteritems'""",
"Series.iteritems was removed in pandas 2.0; replace .iteritems() with .items().",
[".items()","items() instead"])
add("pandas","version_drift","https://github.com/tardis-sn/carsus/pull/339",
"""  File "GitHub/tardis-sn/carsus/carsus/io/kurucz/gfall.py", line 281, in extract_levels
    levels.drop("theoretical", 1, inplace=True)
TypeError: DataFrame.drop() takes from 1 to 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were given""",
"In pandas 2.0 the axis argument of DataFrame.drop is keyword-only; call drop(..., axis=1) (or columns=...).",
["axis=1","columns="])
add("pandas","version_drift","https://github.com/OpenBB-finance/OpenBB/issues/4686",
"""FutureWarning:

The default value of numeric_only in DataFrameGroupBy.sum is deprecated. In a future version, numeric_only will default to False. Either specify numeric_only or select only columns which should be valid for the function.""",
"Pass numeric_only=True to the groupby aggregation (or select only numeric columns first).",
["numeric_only=True","numeric_only = True"])
add("pandas","environment","https://github.com/JohannesWiesner/csp_wiesner_johannes/issues/7",
"""ImportError: Missing optional dependency 'openpyxl'.  Use pip or conda to install openpyxl.""",
"pd.read_excel needs the openpyxl engine for .xlsx files; install openpyxl in the environment.",
["openpyxl"])
add("pandas","environment","https://github.com/ANU-RSES-Education/EMSC-4033/issues/30",
"""ImportError: Missing optional dependency 'xlrd'. Install xlrd >= 1.0.0 for Excel support Use pip or conda to install xlrd.""",
"Install the Excel reader dependency (openpyxl for .xlsx; xlrd for old .xls) and add it to the environment file.",
["openpyxl","xlrd"])
add("pandas","usage","https://github.com/achabotl/pambox/issues/27",
"""/Users/chabot/Dropbox/PhD/pambox/pambox/speech/experiment.py:604: SettingWithCopyWarning: 
A value is trying to be set on a copy of a slice from a DataFrame""",
"The code used chained (double) indexing to assign; use a single .loc[row_indexer, col_indexer] assignment instead.",
[".loc["])
add("pandas","usage","https://github.com/tardis-sn/tardis/pull/796",
"""[py.warnings         ][WARNING]  /usr/local/lib/python2.7/site-packages/pandas/core/indexing.py:337: SettingWithCopyWarning: 
A value is trying to be set on a copy of a slice from a DataFrame.
Try using .loc[row_indexer,col_indexer] = value instead

See the caveats in the documentation: http://pandas.pydata.org/pandas-docs/stable/indexing.html#indexing-view-versus-copy
  self.obj[key] = _infer_fill_value(value)""",
"Values were set on a slice of another DataFrame; take an explicit copy when slicing (df[...].copy()) before modifying it.",
[".copy()"])
add("pandas","usage","https://github.com/IBM/pixiedust-facebook-analysis/issues/39",
"""UnicodeDecodeError: 'utf-8' codec can't decode byte 0xd5 in position 46: invalid continuation byte""",
"The CSV is latin-1 encoded, not UTF-8; read it with pd.read_csv(body, encoding='latin-1').",
["encoding='latin-1'","encoding=\"latin-1\"","latin-1","latin1"])
add("torch","model_level","https://github.com/syuu1987/geekTime-semantic-segmentation/issues/1",
"""RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!""",
"nn.BatchNorm2d layers were being constructed inside forward() (so their parameters lived on the CPU); create them in __init__ so model.to('cuda') moves them too.",
["__init__"])
add("torch","model_level","https://github.com/haoosz/ConceptExpress/issues/5",
"""RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu! (when checking argument for argument index in method wrapper__index_select)""",
"An index tensor (prompt_ids) stayed on the CPU; move it to the model's device with .to(latents.device).",
[".to(latents.device)",".to(device)",".to(model.device)",".cuda()"])
add("torch","model_level","https://github.com/OUCMachineLearning/OUCML/issues/24",
"""RuntimeError: expected scalar type Double but found Float""",
"torch.from_numpy of a float64 array gives a Double tensor; convert it with .to(torch.float32) before torch.mm with float weights.",
["float32",".float()"])
add("torch","model_level","https://github.com/theislab/scarches/issues/195",
"""RuntimeError                              Traceback (most recent call last)
/tmp/ipykernel_118840/3049929526.py in <module>
----> 1 scpoli_model.train(n_epochs=200,
      2     pretraining_epochs=40,
      3     early_stopping_kwargs=early_stopping_kwargs,
      4     eta=5,
      5 )

~/anaconda3/lib/python3.9/site-packages/torch/nn/modules/linear.py in forward(self, input)
    112 
    113     def forward(self, input: Tensor) -> Tensor:
--> 114         return F.linear(input, self.weight, self.bias)
    115 
    116     def extra_repr(self) -> str:

RuntimeError: expected scalar type Float but found Double""",
"The input matrix was float64; cast it to float32 (adata.X = adata.X.astype('float32')).",
["float32",".float()"])
add("torch","model_level","https://github.com/Rudrabha/Wav2Lip/issues/221",
"""RuntimeError: CUDA out of memory. Tried to allocate 288.00 MiB (GPU 0; 2.00 GiB total capacity; 849.59 MiB already allocated; 87.44 MiB free; 326.41 MiB cached)""",
"Maintainer: reduce the batch size.",
["batch size","batch_size"])
add("torch","environment","https://github.com/agaldran/a_v_uncertain/issues/8",
"""RuntimeError: Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.""",
"Load the GPU-saved checkpoint on a CPU machine with torch.load(path, map_location=torch.device('cpu')).",
["map_location"])
add("torch","environment","https://github.com/kleinlee/DH_live/issues/22",
"""RuntimeError: Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.""",
"On a machine with a GPU this means a CPU-only PyTorch build is installed; check torch.cuda.is_available() and install the CUDA-enabled PyTorch build.",
["cpu-only build","cpu version","cuda-enabled","cuda build","--index-url","+cpu"])
add("torch","model_level","https://github.com/patrickloeber/pytorchTutorial/issues/3",
"""RuntimeError: DataLoader worker (pid(s) 1448, 8988) exited unexpectedly""",
"Known issue especially on Windows: set num_workers=0 in the DataLoader.",
["num_workers=0","num_workers = 0"])
add("jupyter","jupyter","https://github.com/pytorch/pytorch/issues/59451",
"""DataLoader worker (pid(s) 18056, 20540, 4512) exited unexpectedly""",
"Maintainer: Jupyter (especially on Windows) does not support multiprocessing well; with num_workers>0 run the code as a normal Python script instead of in the notebook (or use num_workers=0).",
["num_workers=0","as a script","python interpreter","outside the notebook","outside of notebook"])
add("torch","model_level","https://github.com/zergtant/pytorch-handbook/issues/37",
"""RuntimeError: multi-target not supported at...""",
"CrossEntropyLoss targets must be a 1-D tensor of class indices 0..n-1, not shape [N,1] (or one-hot); squeeze the label tensor (y.squeeze_()).",
["squeeze","class indices","argmax"])
add("torch","model_level","https://github.com/abeardear/pytorch-YOLO-v1/issues/4",
"""RuntimeError: Error(s) in loading state_dict for VGG:
Missing key(s) in state_dict: "features.0.weight", "features.0.bias"...
Unexpected key(s) in state_dict: "module.features.0.weight", "module.features.0.bias"...""",
"The checkpoint was saved from an nn.DataParallel model, so keys carry a 'module.' prefix; wrap the model in DataParallel before loading or strip the 'module.' prefix from the keys.",
["module.","DataParallel"])
add("torch","model_level","https://github.com/TongkunGuan/SIGA/issues/4",
"""Traceback (most recent call last):
  File "/content/drive/MyDrive/SRresaerch/SIGA/SIGA_R/test.py", line 223, in <module>
    test(opt)
  File "/content/drive/MyDrive/SRresaerch/SIGA/SIGA_R/test.py", line 127, in test
    model.load_state_dict(pretrained_state_dict['net'])
  File "/usr/local/lib/python3.10/dist-packages/torch/nn/modules/module.py", line 2041, in load_state_dict
    raise RuntimeError('Error(s) in loading state_dict for {}:\\n\\t{}'.format(
RuntimeError: Error(s) in loading state_dict for DataParallel:
	Unexpected key(s) in state_dict: "module.model_one.Transformation.GridGenerator.inv_delta_C", "module.model_one.Transformation.GridGenerator.P_hat". """,
"Maintainer: the extra keys are non-learned buffers and can be ignored; load with load_state_dict(..., strict=False).",
["strict=False"])
add("keras","model_level","https://github.com/CyberZHG/keras-pos-embd/issues/1",
"""ValueError: Unknown layer: TrigPosEmbedding""",
"Pass the custom layer class when loading: load_model(path, custom_objects={'TrigPosEmbedding': TrigPosEmbedding}).",
["custom_objects"])
add("keras","version_drift","https://github.com/bnsreenu/python_for_microscopists/issues/41",
"""ImportError                               Traceback (most recent call last)
~\\R\\WIN-LI~1\\3.6/ipykernel_8504/614165243.py in <module>
      5 from sklearn.preprocessing import MinMaxScaler
      6 scaler = MinMaxScaler()
----> 7 from keras.utils import to_categorical
      8 
      9 #Use this to preprocess input for transfer learning

ImportError: cannot import name 'to_categorical' from 'keras.utils' (C:\\Users\\USER\\anaconda3\\lib\\site-packages\\keras\\utils\\__init__.py)""",
"Import it from TensorFlow's Keras instead: from tensorflow.keras.utils import to_categorical.",
["tensorflow.keras.utils"])
add("keras","version_drift","https://github.com/lukas/ml-class/issues/76",
"""Traceback (most recent call last):
  File "/Users/nelsnelson/Documents/code/ml-class/videos/intro/perceptron-single.py", line 4, in <module>
    from keras.utils import np_utils
ImportError: cannot import name 'np_utils' from 'keras.utils' (/Users/nelsnelson/Documents/code/ml-class/venv/lib/python3.9/site-packages/keras/utils/__init__.py)""",
"keras.utils.np_utils no longer exists; import to_categorical directly (from tensorflow.keras.utils import to_categorical) and call to_categorical(y).",
["import to_categorical","utils.to_categorical"])
add("keras","version_drift","https://github.com/keras-team/keras/issues/18709",
"""ValueError: File format not supported: filepath=my_model Keras Core only supports V3 `.keras` and `.weights.h5` files.""",
"Maintainer: Keras 3 no longer loads TF SavedModel directories with load_model; save/load with a .keras extension, or reload a SavedModel as an inference layer via keras.layers.TFSMLayer(path).",
[".keras","TFSMLayer"])
add("keras","version_drift","https://github.com/ashalogic/Persian-Sentiment-Analyzer/issues/4",
"""ImportError: cannot import name 'adam' from 'keras.optimizers' (/usr/local/lib/python3.8/dist-packages/keras/optimizers/__init__.py)""",
"Import the optimizer from TensorFlow's Keras with the capitalised class name: from tensorflow.keras.optimizers import Adam.",
["tensorflow.keras.optimizers"])
add("keras","version_drift","https://github.com/aladdinpersson/Machine-Learning-Collection/issues/84",
"""...\\lib\\site-packages\\keras\\optimizer_v2\\adam.py:105: UserWarning: The `lr` argument is deprecated, use `learning_rate` instead.
  super(Adam, self).__init__(name, **kwargs)""",
"Pass learning_rate= instead of the deprecated lr= to the optimizer.",
["learning_rate="])
add("keras","version_drift","https://github.com/keras-team/keras/issues/17156",
"""AttributeError                            Traceback (most recent call last)
<ipython-input-29-abd0b9b99a1f> in <module>
----> 1 Y_pred = model.predict_classes(X_test)
      2 Y_pred

AttributeError: 'Sequential' object has no attribute 'predict_classes'""",
"predict_classes was removed (TF 2.6); use np.argmax(model.predict(X_test), axis=1) (or thresholding for a sigmoid output).",
["argmax"])
add("keras","version_drift","https://github.com/harshbg/Sign-Language-Interpreter-using-Deep-Learning/issues/20",
"""ModuleNotFoundError                       Traceback (most recent call last)
Cell In[2], line 3
      1 import tensorflow as tf
      2 from keras.models import Sequential
----> 3 from keras.layers.convolutional import Conv2D, MaxPooling2D
      4 from keras.layers.core import Flatten, Dense, Dropout
      5 from keras.callbacks import EarlyStopping

ModuleNotFoundError: No module named 'keras.layers.convolutional'""",
"Import the layers from keras.layers directly: from keras.layers import Conv2D, MaxPool2D.",
["from keras.layers import","from tensorflow.keras.layers import"])
add("keras","version_drift","https://github.com/keras-team/keras/issues/18878",
"""ModuleNotFoundError: No module named 'keras.src'""",
"The model was saved with Keras >= 2.13 (where keras.src exists) and loaded with keras 2.6; use the same, newer Keras version (>=2.13) to load it.",
["keras>=2.13","2.13","same keras version","upgrade keras"])
add("keras","version_drift","https://github.com/matterport/Mask_RCNN/issues/3024",
"""Traceback (most recent call last):
  File "E:\\git\\maskrcnn-balloon\\samples\\balloon\\balloon.py", line 62, in <module>
    import model as modellib
  File "E:\\git\\maskrcnn-balloon\\samples\\balloon\\model.py", line 28, in <module>
    import keras.engine  as KE
ModuleNotFoundError: No module named 'keras.engine'""",
"keras.engine is not public API in newer Keras; use keras.layers.Layer instead of KE.Layer.",
["keras.layers.Layer","layers.Layer"])
add("tensorflow","environment","https://github.com/tensorflow/tensorflow/issues/57103",
"""2022-08-11 14:21:29.345331: W tensorflow/stream_executor/platform/default/dso_loader.cc:64] Could not load dynamic library 'cudart64_110.dll'; dlerror: cudart64_110.dll not found
2022-08-11 14:21:29.345439: I tensorflow/stream_executor/cuda/cudart_stub.cc:29] Ignore above cudart dlerror if you do not have a GPU set up on your machine.""",
"TF 2.9 on Windows needs the matching CUDA 11.2 + cuDNN 8.1 runtime (e.g. conda install cudatoolkit=11.2 cudnn=8.1.0) installed per the TF install guide; harmless if no GPU is used.",
["cuda 11.2","cudatoolkit=11.2","cudnn=8.1","cudnn 8.1"])
add("tensorflow","version_drift","https://github.com/tensorflow/tensorflow/issues/36787",
"""AttributeError                            Traceback (most recent call last)
<ipython-input-5-73592c5fe983> in <module>()
----> 1 W=tf.Variable(initial_value=tf.random_normal(shape=(1,4),mean=100,stddev=0.35),name="W")
      2 b=tf.Variable(tf.zeros([4]),name="b")

AttributeError: 'module' object has no attribute 'random_normal'""",
"In TF 2.x the function is tf.random.normal (replace the underscore with a dot).",
["tf.random.normal","random.normal"])
add("tensorflow","version_drift","https://github.com/tnakae/DAGMM/issues/24",
"""<ipython-input-7-0e3dc57cf735> in <module>
----> 1 model.fit(X_train1)

~/DAGMM/dagmm/dagmm.py in fit(self, x)
    120             # Build graph
    121             z, x_dash  = self.comp_net.inference(input)
--> 122             gamma = self.est_net.inference(z, drop)
    123             self.gmm.fit(z, gamma)
    124             energy = self.gmm.energy(z)

~/DAGMM/dagmm/estimation_net.py in inference(self, z, dropout_ratio)
     59 
     60             # Softmax output
---> 61             output = tf.contrib.layers.softmax(logits)
     62 
     63         return output

AttributeError: module 'tensorflow.compat.v1' has no attribute 'contrib'""",
"tf.contrib was removed in TF2 and is not in tf.compat.v1; the library needs TensorFlow 1.x, so run it in a separate environment with TF1.",
["tensorflow==1","tensorflow 1.","tf1","1.15"])
add("tensorflow","usage","https://github.com/charlesmalafosse/sports-betting-customloss/issues/1",
"""Traceback (most recent call last):
  File "C:\\Users\\utente\\AppData\\Local\\anaconda3\\lib\\site-packages\\IPython\\core\\interactiveshell.py", line 3460, in run_code
    exec(code_obj, self.user_global_ns, self.user_ns)
  File "<ipython-input-10-5ee8ac562398>", line 2, in <module>
    history = model.fit(train_x, train_y, validation_data=(test_x, test_y),
  File "C:\\Users\\utente\\AppData\\Local\\anaconda3\\lib\\site-packages\\keras\\utils\\traceback_utils.py", line 70, in error_handler
    raise e.with_traceback(filtered_tb) from None
  File "C:\\Users\\utente\\AppData\\Local\\anaconda3\\lib\\site-packages\\tensorflow\\python\\framework\\constant_op.py", line 102, in convert_to_eager_tensor
    return ops.EagerTensor(value, ctx.device_name, dtype)
ValueError: Failed to convert a NumPy array to a Tensor (Unsupported object type float).""",
"The inputs were object-dtype arrays; convert them with np.asarray(train_x).astype(np.float32) (same for the labels).",
["astype(np.float32)","astype('float32')","astype(\"float32\")","float32"])
add("keras","model_level","https://github.com/gyhandy/Visual-Reasoning-eXplanation/issues/3",
"""ValueError: Input 0 of layer block1_conv1 is incompatible with the layer: expected ndim=4, found ndim=3. Full shape received: [224, 224, 3]""",
"The conv net expects a batch dimension; feed shape [1, H, W, 3] (e.g. np.expand_dims(img, 0)) at the size the model expects.",
["expand_dims","batch dimension","[1,","(1,"])
add("tensorflow","model_level","https://github.com/tensorflow/tensorflow/issues/46794",
"""ValueError: Input 0 of layer encoder1_ is incompatible with the layer: expected ndim=3, found ndim=4. Full shape received: (None, 64, 4, 850)""",
"LSTM layers take 3-D (batch, timesteps, features) input; reshape the 4-D tensor to 3-D before the LSTM.",
["reshape"])
add("tensorflow","environment","https://github.com/tensorflow/tensorflow/issues/62054",
"""ERROR: Could not find a version that satisfies the requirement tensorflow (from versions: none)
ERROR: No matching distribution found for tensorflow""",
"No TensorFlow wheels existed for Python 3.12 at the time; install a supported Python (3.10) and pip install tensorflow there.",
["python 3.10","python 3.11","python3.10","supported python"])
add("keras","version_drift","https://github.com/serengil/deepface/issues/1121",
"""ValueError: A KerasTensor cannot be used as input to a TensorFlow function. A KerasTensor is a symbolic placeholder for a shape and dtype, used when constructing Keras Functional models or Keras Functions. You can only use it as input to a Keras layer or a Keras operation (from the namespaces `keras.layers` and `keras.operations`). You are likely doing something like:""",
"TF 2.16 switched to Keras 3; install tf-keras and set os.environ['TF_USE_LEGACY_KERAS']='1' before importing tensorflow (or pin tensorflow<2.16).",
["tf-keras","tf_keras","TF_USE_LEGACY_KERAS","tensorflow<2.16"])
add("keras","version_drift","https://github.com/MixLabPro/comfyui-mixlab-nodes/issues/285",
"""Failed to import transformers.models.gpt2.modeling_tf_gpt2 because of the following error (look up to see its traceback): Your currently installed version of Keras is Keras 3, but this is not yet supp""",
"Transformers' TF models need Keras 2; install the backwards-compatible package with pip install tf-keras (or upgrade transformers).",
["tf-keras","tf_keras"])
add("keras","version_drift","https://github.com/keras-team/keras/issues/13244",
"""Traceback (most recent call last):
  File "./test_script.py", line 14, in <module>
    test_rest(scan_object)
  File "/home/travis/build/autonomio/talos/test/commands/test_rest.py", line 65, in test_rest
    talos.utils.gpu_utils.parallel_gpu_jobs()
  File "/home/travis/build/autonomio/talos/talos/utils/gpu_utils.py", line 15, in parallel_gpu_jobs
    gpu_options = K.tf.GPUOptions(allow_growth=allow_growth,
AttributeError: module 'keras.backend' has no attribute 'tf'""",
"keras.backend no longer re-exports tf; import tensorflow as tf and call tf.GPUOptions(...) directly instead of K.tf.GPUOptions.",
["import tensorflow as tf","tf.GPUOptions"])
add("tensorflow","model_level","https://github.com/ikhlestov/vision_networks/issues/25",
"""ResourceExhaustedError (see above for traceback): OOM when allocating tensor with shape[64,372,32,32] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc""",
"The network does not fit in GPU memory; reduce the batch size (8 worked) or the model size.",
["batch size","batch_size"])
add("seaborn","version_drift","https://github.com/mwaskom/seaborn/issues/3711",
"""AttributeError: module 'matplotlib.cm' has no attribute 'register_cmap'""",
"Maintainer: matplotlib 3.9 removed cm.register_cmap; upgrade seaborn to the latest version, which handles the API change.",
["upgrade seaborn","pip install -U seaborn","--upgrade seaborn","latest seaborn","seaborn>=0.13"])
add("matplotlib","version_drift","https://github.com/IMMM-SFA/msd_uncertainty_ebook/issues/75",
"""---------------------------------------------------------------------------
AttributeError                            Traceback (most recent call last)
Input In [10], in <cell line: 5>()
     21 dot_cmap = mpl.colors.ListedColormap(np.array([[227,26,28],[166,206,227]])/255.0)
     23 # define color map for probability contours
---> 24 contour_cmap = mpl.cm.get_cmap('RdBu')
     26 # define probability contours
     27 contour_levels = np.arange(0.0, 1.05,0.1)

AttributeError: module 'matplotlib.cm' has no attribute 'get_cmap'""",
"matplotlib 3.9 removed matplotlib.cm.get_cmap; use plt.get_cmap('RdBu') instead.",
["plt.get_cmap","pyplot.get_cmap","colormaps["])
add("matplotlib","version_drift","https://github.com/nasa/HyperCP/issues/470",
"""AttributeError: module 'matplotlib.cm' has no attribute 'get_cmap'""",
"Use the colormap registry instead of the removed cm.get_cmap: cmap = mpl.colormaps['jet'].",
["colormaps["])
add("matplotlib","notebook_state","https://github.com/laughtervv/SGPN/issues/2",
"""Traceback (most recent call last):
  File "valid.py", line 6, in <module>
    from utils.test_utils import *
  File "/data/code6/SGPN/utils/test_utils.py", line 310, in <module>
    magma_cmap = mpl.cm.get_cmap('magma')
AttributeError: 'module' object has no attribute 'cm'""",
"The matplotlib.cm submodule was never imported; add an explicit import matplotlib.cm.",
["import matplotlib.cm"])
add("matplotlib","version_drift","https://github.com/nutonomy/nuscenes-devkit/issues/1145",
"""'seaborn-whitegrid' is not a valid package style, path of style file, URL of style file, or library style name (library styles are listed in `style.available`)
FileNotFoundError: [Errno 2] No such file or directory: 'seaborn-whitegrid'

The above exception was the direct cause of the following exception:

OSError: 'seaborn-whitegrid' is not a valid package style, path of style file, URL of style file, or library style name (library styles are listed in `style.available`)""",
"The bundled seaborn styles were renamed in matplotlib 3.6+; use plt.style.use('seaborn-v0_8-whitegrid').",
["seaborn-v0_8"])
add("matplotlib","environment","https://github.com/hanskrupakar/COCO-Style-Dataset-Generator-GUI/issues/8",
"""/usr/local/lib/python3.5/dist-packages/matplotlib/figure.py:448: UserWarning: Matplotlib is currently using agg, which is a non-GUI backend, so cannot show the figure.
  % get_backend())""",
"No GUI backend is active; explicitly select one before importing pyplot, e.g. import matplotlib; matplotlib.use('TkAgg').",
["matplotlib.use(","TkAgg"])
add("matplotlib","environment","https://github.com/ildoonet/tf-pose-estimation/issues/469",
"""UserWarning: Matplotlib is currently using agg, which is a non-GUI backend, so cannot show the figure.
  plt.show()""",
"No GUI toolkit was installed for matplotlib to use; installing PyQt5 (pip install PyQt5) fixed it.",
["PyQt5","pyqt"])
add("jupyter","jupyter","https://github.com/matplotlib/ipympl/issues/293",
"""Error displaying widget: model not found""",
"An outdated jupyterlab-plotly release pulled in an old jupyter-widgets manager that broke ipympl; install the fixed jupyterlab-plotly (4.14.3) so the widget manager matches JupyterLab 3.",
["jupyterlab-plotly","labextension"])
add("seaborn","version_drift","https://github.com/ranaroussi/quantstats/issues/64",
"""....\\Anaconda3\\envs\\jupyter\\lib\\site-packages\\seaborn\\distributions.py:2551: FutureWarning: `distplot` is a deprecated function and will be removed in a future version. Please adapt your code to use either `displot` (a figure-level function with similar flexibility) or `histplot` (an axes-level function for histograms).
  warnings.warn(msg, FutureWarning)""",
"Replace sns.distplot(...) with sns.histplot(..., kde=True) (or displot); fixed upstream in quantstats 0.0.34.",
["histplot","displot"])
add("seaborn","version_drift","https://github.com/mwaskom/seaborn/issues/2299",
"""AttributeError: module 'seaborn' has no attribute 'displot'""",
"Maintainer: displot is new in seaborn 0.11; upgrade seaborn to >= 0.11 (the older distplot is what it replaces).",
["0.11","upgrade seaborn","pip install -U seaborn","--upgrade seaborn"])
add("seaborn","version_drift","https://github.com/pdeitel/PythonForProgrammers/issues/41",
"""TypeError: barplot() takes from 0 to 1 positional arguments but 2 positional arguments (and 1 keyword-only argument) were given""",
"Since seaborn 0.12 only data may be positional; pass x and y as keywords: sns.barplot(x=faces, y=frequencies, palette='bright').",
["x=","keyword argument"])
add("sklearn","version_drift","https://github.com/shankarpandala/lazypredict/issues/441",
"""  File "<stdin>", line 1, in <module>
 File "C:\\Users\\ ... \\Python312\\site-packages\\lazypredict\\Supervised.py", line 98, in <module>
   ("encoding", OneHotEncoder(handle_unknown="ignore", sparse=False)),
                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
TypeError: OneHotEncoder.__init__() got an unexpected keyword argument 'sparse'""",
"scikit-learn 1.2 renamed the argument and 1.4 removed the old one; use OneHotEncoder(sparse_output=False).",
["sparse_output"])
add("sklearn","version_drift","https://github.com/cistrome/MIRA/issues/44",
"""639 def _get_dataset_statistics(self, dataset, training_bar = True):
--> 641     self.categorical_transformer = OneHotEncoder(
    642         sparse_output = False, 
    643         dtype = np.float32
    644     )
    645     self.continuous_transformer = StandardScaler()

TypeError: OneHotEncoder.__init __() got an unexpected keyword argument 'sparse_output'""",
"sparse_output only exists from scikit-learn 1.2; the installed 1.1.3 was too old, and updating scikit-learn to 1.3 fixed it.",
["scikit-learn>=1.2","scikit-learn==1.3","upgrade scikit-learn","-U scikit-learn","--upgrade scikit-learn","scikit-learn 1.3"])
add("sklearn","version_drift","https://github.com/Talented-Q/POSTER_V2/issues/33",
"""ImportError: cannot import name 'plot_confusion_matrix' from 'sklearn.metrics' (C:\\Program Files\\Anaconda3\\lib\\site-packages\\sklearn\\metrics\\__init__.py) """,
"plot_confusion_matrix was removed in scikit-learn 1.2; use sklearn.metrics.ConfusionMatrixDisplay (e.g. ConfusionMatrixDisplay.from_estimator / from_predictions).",
["ConfusionMatrixDisplay"])
add("sklearn","usage","https://github.com/Diyago/Tabular-data-generation/issues/20",
"""ValueError: Input contains NaN, infinity or a value too large for dtype('float64').""",
"The data still contains NaN or inf values; clean it before fitting (dropna and drop rows where df.isin([np.nan, np.inf, -np.inf]).any(1)).",
["dropna","np.inf","isin(","fillna","SimpleImputer"])
add("sklearn","usage","https://github.com/styleNie/PCANet_python/issues/4",
"""Traceback (most recent call last):
  File "Demo_mnist_basic.py", line 117, in <module>
    pred_label=svm_model.predict(ftest)
  File "C:\\Users\\s121293.SQU\\AppData\\Local\\Programs\\Python\\Python35\\lib\\site-packages\\sklearn\\linear_model\\base.py", line 281, in predict
    scores = self.decision_function(X)
  File "C:\\Users\\s121293.SQU\\AppData\\Local\\Programs\\Python\\Python35\\lib\\site-packages\\sklearn\\linear_model\\base.py", line 257, in decision_function
    X = check_array(X, accept_sparse='csr')
  File "C:\\Users\\s121293.SQU\\AppData\\Local\\Programs\\Python\\Python35\\lib\\site-packages\\sklearn\\utils\\validation.py", line 552, in check_array
    "if it contains a single sample.".format(array))
ValueError: Expected 2D array, got 1D array instead:
array=[41.79591837  0.          0.         ...  0.          0.
  0.        ].
Reshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.""",
"A single sample was passed as a 1-D array; reshape it to one row: svm_model.predict(ftest.reshape(1, -1)).",
["reshape(1, -1)","reshape(1,-1)"])
add("sklearn","usage","https://github.com/IIC2115/Syllabus-2019-1/issues/178",
"""Unknown label type: 'continuous'""",
"A classifier was fit on a float (continuous) target; classifiers need discrete/int labels, so use a regressor for continuous targets or convert the target to integer classes.",
["regressor","astype(int)","discrete","integer labels","int labels"])
add("sklearn","environment","https://github.com/lyhue1991/torchkeras/issues/108",
"""No module named 'sklearn'""",
"The PyPI package 'sklearn' is a deprecated stub; install scikit-learn (pip install scikit-learn), which provides import sklearn.",
["pip install scikit-learn","conda install scikit-learn","install scikit-learn"])
add("sklearn","version_drift","https://github.com/phenology/cgc/issues/96",
"""/opt/miniconda3/envs/cgc-tutorial/lib/python3.10/site-packages/sklearn/cluster/_kmeans.py:870: FutureWarning: The default value of `n_init` will change from 10 to 'auto' in 1.4. Set the value of `n_init` explicitly to suppress the warning
  warnings.warn(""",
"Pass n_init explicitly to KMeans (n_init=10 to keep old behaviour, or n_init='auto').",
["n_init="])
add("python","version_drift","https://github.com/python/cpython/issues/91639",
"""ImportError: cannot import name 'Mapping' from 'collections' (/Library/Frameworks/Python.framework/Versions/3.10/lib/python3.10/collections/__init__.py""",
"The ABC aliases were removed from collections in Python 3.10; import from collections.abc (from collections.abc import Mapping).",
["collections.abc"])
add("python","version_drift","https://github.com/LAION-AI/Open-Assistant/issues/16",
"""ImportError: cannot import name 'Mapping' from 'collections' ( [...] /lib/python3.10/collections/__init__.py)""",
"The old import came from an outdated third-party library in the traceback (urllib3/requests); upgrading them (pip install --upgrade urllib3 requests) resolved it.",
["upgrade urllib3","urllib3 --upgrade","upgrade requests","requests --upgrade","-U urllib3"])
add("python","version_drift","https://github.com/m0rtem/CloudFail/issues/99",
"""if (isinstance(value, str) or isinstance(value, collections.Callable) or hasattr(value, 'match')
AttributeError: module 'collections' has no attribute 'Callable'. Although my socks.py is updated. """,
"collections.Callable moved to collections.abc.Callable in Python 3.10 (here inside an old bs4); alias it back with collections.Callable = collections.abc.Callable (or upgrade the library / use Python 3.9).",
["collections.abc.Callable","collections.abc"])
add("python","environment","https://github.com/qxf2/qxf2-page-object-model/issues/475",
"""ModuleNotFoundError: No module named 'distutils'""",
"distutils was removed from the standard library in Python 3.12; install setuptools (pip install setuptools), which provides it.",
["setuptools"])
add("requests","environment","https://github.com/thp/urlwatch/issues/505",
"""HTTPSConnectionPool(host='www.xyz.com', port=443): Max retries exceeded with url: XYZ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1108)')))""",
"The machine was behind an intercepting proxy; setting the https_proxy environment variable fixed it.",
["https_proxy","proxy"])
add("requests","usage","https://github.com/psf/requests/issues/4908",
"""JSONDecodeError:  Expecting value: line 1 column 1 (char 0)""",
"Maintainer: the response body is not JSON (check status code and Content-Type / response.text) before calling response.json().",
["content-type","response.text","r.text","status_code","headers"])
add("requests","usage","https://github.com/psf/requests/issues/4764",
"""raise InvalidSchema("No connection adapters were found for '%s'" % url)
requests.exceptions.InvalidSchema: <exception str() failed>""",
"Maintainer: the URL read from the file is malformed (stray whitespace/newline or characters before 'http'); strip/clean the URL so it starts with http:// or https://.",
["strip()","whitespace","newline"])
add("requests","usage","https://github.com/regosen/gallery_get/issues/61",
"""Error -> RemoteDisconnected: Remote end closed connection without response""",
"The site drops requests with the default client identity; send a browser User-Agent header (e.g. Mozilla/5.0 ... Chrome/...) with the request.",
["user-agent"])
add("requests","usage","https://github.com/huggingface/agents-course/pull/423",
"""HTTPError: 403 Client Error: Forbidden""",
"The server (Wikimedia) rejects requests without a User-Agent; pass headers={'User-Agent': ...} to requests.get.",
["user-agent"])
add("scipy","version_drift","https://github.com/scipy/scipy/issues/10224",
"""Traceback (most recent call last):
  File "test.py", line 4, in <module>
    from loader.model_loader import loadmodel
  File "/home/joshuayun/Desktop/IBD/loader/model_loader.py", line 5, in <module>
    from util.feature_operation import hook_feature, hook_grad
  File "/home/joshuayun/Desktop/IBD/util/feature_operation.py", line 6, in <module>
    from scipy.misc import imresize, imread, imsave
ImportError: cannot import name 'imresize'""",
"Maintainer: imresize was removed in SciPy 1.3; use Pillow instead: numpy.array(Image.fromarray(arr).resize(...)) (or scikit-image).",
["Image.fromarray","Pillow","PIL","skimage"])
add("scipy","version_drift","https://github.com/petercunha/Emotion/issues/25",
"""ImportError: cannot import name 'imread'""",
"scipy.misc.imread was removed in newer SciPy; pinning an old SciPy (pip3 install scipy==1.1.0) worked.",
["scipy==1.1","scipy<1.2","scipy==1.0"])
add("scipy","version_drift","https://github.com/opencap-org/opencap-processing/issues/131",
"""ImportError                               Traceback (most recent call last)
[<ipython-input-3-ececc24e58a0>](https://localhost:8080/#) in <cell line: 1>()
----> 1 from utils import download_session
      2 import shutil
      3 from google.colab import files
      4 
      5 # Enter the session IDs you would like to download.

[/content/./opencap-processing/utils.py](https://localhost:8080/#) in <module>
     35 from utilsAuthentication import get_token
     36 import matplotlib.pyplot as plt
---> 37 from scipy.signal import gaussian
     38 
     39 

ImportError: cannot import name 'gaussian' from 'scipy.signal' (/usr/local/lib/python3.10/dist-packages/scipy/signal/__init__.py)""",
"SciPy 1.13 removed the scipy.signal.gaussian alias; use scipy.signal.windows.gaussian.",
["signal.windows"])
add("scipy","version_drift","https://github.com/scipy/scipy/issues/20402",
"""ImportError: Cannot import name 'triu' from 'scipy.linalg'(c:\\~~\\__init__.py)""",
"Maintainer: triu was deprecated and removed from scipy.linalg in 1.13; use numpy's np.triu (or pin scipy<1.13 for libraries like gensim).",
["np.triu","numpy.triu","scipy<1.13"])
add("scipy","version_drift","https://github.com/raphaelvallat/yasa/pull/171",
"""  File "/home/runner/mne-python/1.7.1_0/lib/python3.12/site-packages/yasa/spectral.py", line 10, in <module>
    from scipy.integrate import simps
ImportError: cannot import name 'simps' from 'scipy.integrate' (/home/runner/mne-python/1.7.1_0/lib/python3.12/site-packages/scipy/integrate/__init__.py). Did you mean: 'simpson'?""",
"scipy.integrate.simps was removed in SciPy 1.14; use scipy.integrate.simpson (upgrade yasa to 0.6.5 which does this).",
["simpson"])
add("jupyter","jupyter","https://github.com/nteract/archived-desktop-app/issues/3621",
"""StdinNotImplementedError                  Traceback (most recent call last)
<ipython-input-6-9c8b639daf2f> in <module>
----> 1 input()

/Volumes/Data/miniconda3/lib/python3.6/site-packages/ipykernel/kernelbase.py in raw_input(self, prompt)
    846         if not self._allow_stdin:
    847             raise StdinNotImplementedError(
--> 848                 "raw_input was called, but this frontend does not support input requests."
    849             )
    850         return self._input_request(str(prompt),

StdinNotImplementedError: raw_input was called, but this frontend does not support input requests.""",
"Maintainer: this frontend does not support stdin, so input() cannot work there; run the code in a frontend/terminal that supports stdin (e.g. classic Jupyter Notebook/Lab) or pass values without input().",
["stdin","terminal"])
add("jupyter","jupyter","https://github.com/tensorflow/tensorflow/issues/9829",
"""Kernel Restarting The kernel appears to have died. It will restart automatically (Jupyter-Tensorflow)""",
"The crash came from mismatched native packages; updating them fixed it (conda update anaconda / pip install -U numpy, or updating cuDNN); running the notebook as a .py script shows the real error.",
["-U numpy","upgrade numpy","numpy --upgrade","conda update","cudnn"])
add("environment","environment","https://github.com/microsoft/vscode-jupyter/issues/9157",
"""Could not locate zlibwapi.dll. Please make sure it is in your library path!""",
"cuDNN 8.x on Windows needs zlibwapi.dll; copy zlibwapi.dll into the CUDA bin directory (e.g. C:\\Program Files\\NVIDIA GPU Computing Toolkit\\CUDA\\v11.x\\bin).",
["zlibwapi.dll"])
add("jupyter","usage","https://github.com/GoogleCloudPlatform/training-data-analyst/pull/604",
"""UsageError: Line magic function `%writefile` not found (But cell magic `%%writefile` exists, did you mean that instead?).""",
"writefile is a cell magic; write %%writefile (two percent signs) as the first line of the cell.",
["%%writefile","cell magic"])
add("jupyter","usage","https://github.com/jupyter/notebook/issues/5112",
"""UsageError: Line magic function `%%time` not found.""",
"Cell magics such as %%time must be the very first line of their own cell; put each %% magic at the start of a new cell.",
["first line","own cell","new cell","beginning of"])
add("jupyter","usage","https://github.com/dataquestio/solutions/issues/20",
"""ERROR: Line magic function `%mathplotlib` not found.""",
"Typo in the magic name: use %matplotlib inline.",
["%matplotlib inline","typo"])
add("environment","environment","https://github.com/jupyter/notebook/issues/5054",
"""ModuleNotFoundError: No module named 'tensorflow' """,
"The notebook kernel ran the base Anaconda python (sys.executable differed from the env's python); point the kernel at the environment's interpreter by fixing kernel.json (or install ipykernel in the env and register it).",
["kernel.json","ipykernel install","sys.executable","kernelspec"])
add("environment","environment","https://github.com/jupyter/notebook/issues/2359",
"""ModuleNotFoundError                       Traceback (most recent call last)
<ipython-input-6-ae142f98063f> in <module>()
      1 # import libraries
----> 2 import folium

ModuleNotFoundError: No module named 'folium'""",
"Jupyter itself was not installed in the conda env, so the notebook fell back to the base install's kernel; install jupyter into the env (conda install jupyter) and launch it from there.",
["conda install jupyter","pip install jupyter","install jupyter","ipykernel"])
add("numpy","version_drift","https://github.com/facebookresearch/detectron2/pull/4975",
"""AttributeError: module 'numpy' has no attribute 'int'.
`np.int` was a deprecated alias for the builtin `int`. To avoid this error in existing code, use `int` by itself. Doing this will not modify any behavior and is safe. When replacing `np.int`, you may wish to use e.g. `np.int64` or `np.int32` to specify the precision. If you wish to review your current use, check the release note link for additional information.
The aliases was originally deprecated in NumPy 1.20; for more details and guidance see the original release note at:
    https://numpy.org/devdocs/release/1.20.0-notes.html#deprecations. Did you mean: 'inf'?""",
"Maintainer: replace np.int / np.float / np.bool with the builtins int, float, bool (or explicit np.int64 etc.).",
["builtin int","int64","int32","use int"])
add("numpy","version_drift","https://github.com/LaustFaerch/cfar-object-detection/pull/1",
"""AttributeError: module 'numpy' has no attribute 'bool'. `np.bool` was a deprecated alias for the builtin `bool`. To avoid this error in existing code, use `bool` by itself. Doing this will not modify any behavior and is safe. If you specifically wanted the numpy scalar type, use `np.bool_` here. The aliases was originally deprecated in NumPy 1.20; for more details and guidance see the original release note at: https://numpy.org/devdocs/release/1.20.0-notes.html#deprecations""",
"Replace np.bool with the builtin bool (or np.bool_ for the NumPy scalar type).",
["builtin bool","np.bool_","use bool"])
add("numpy","usage","https://github.com/ciceklab/ECOLE/issues/9",
"""Traceback (most recent call last):
  File "/fslustre/qhs/ext_sicotte_hugues_mayo_edu/projects/sinha/ecole_cnv/ECOLE-0.2/scripts/preprocess_sample.py", line 101, in <module>
    labeled_data = np.asarray(labeled_data)
ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 2 dimensions. The detected shape was (184526, 5) + inhomogeneo
us part.""",
"NumPy >= 1.24 refuses to build ragged arrays implicitly; create the array with np.asarray(labeled_data, dtype=object) (and np.save(..., allow_pickle=True)).",
["dtype=object"])
add("numpy","version_drift","https://github.com/NUSTM/GMNER/issues/8",
"""ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (32,) + inhomogeneous part.""",
"The code relied on ragged-array creation that NumPy 1.24 turned into an error; downgrading to numpy 1.23.1 solved it.",
["numpy==1.23","numpy<1.24","dtype=object"])
add("numpy","version_drift","https://github.com/muaaz-ur-habibi/fthedocs/issues/1",
"""AttributeError: `np.float_` was removed in the NumPy 2.0 release. Use `np.float64` instead.""",
"Pin the dependency to NumPy 1.x (numpy<2) until the code is ported (or replace np.float_ with np.float64).",
["numpy<2","np.float64","float64"])
add("numpy","version_drift","https://github.com/aimclub/SAMPO/pull/86",
"""AttributeError: np.Inf was removed in the NumPy 2.0 release. Use np.inf instead.""",
"Use the lowercase np.inf, which works in both NumPy 1.x and 2.x.",
["np.inf"])
add("numpy","usage","https://github.com/numpy/numpy/issues/17595",
"""MemoryError: Unable to allocate 201. GiB for an array with shape (2999, 2999, 2999) and data type int64""",
"The requested array genuinely needs hundreds of GiB; reduce its size or use a narrower dtype (e.g. int32/int16, or sparse=True / broadcasting in meshgrid).",
["int32","int16","narrower dtype","sparse=True","smaller"])
add("pandas","version_drift","https://github.com/qukequke/bert-crf-token_classification_ner/issues/5",
"""TypeError: read_csv() got an unexpected keyword argument 'error_bad_lines'""",
"error_bad_lines was removed in pandas 2.0; delete the argument (or use on_bad_lines='skip').",
["on_bad_lines","remove error_bad_lines","delete error_bad_lines","删除"])
add("pandas","version_drift","https://github.com/adam1brownell/garmin_data/issues/1",
"""parser_f() got an unexpected keyword argument 'on_bad_lines'""",
"on_bad_lines was added in pandas 1.3.0 and the installed pandas was 0.25.3; upgrade pandas.",
["pandas>=1.3","1.3.0","upgrade pandas","pip install -U pandas","--upgrade pandas"])
add("pandas","usage","https://github.com/appvision-ai/fast-bert/issues/96",
"""ParserError: Error tokenizing data. C error: Expected 8 fields in line 7, saw 11""",
"The CSV was malformed at that line (stray delimiters/quotes); fix the file, or read with quoting=3 / engine='python', or skip bad lines.",
["quoting=3","engine='python'","on_bad_lines","error_bad_lines=False","malformed"])
add("seaborn","usage","https://github.com/pirple/Data-Mining-With-Python/issues/1",
"""ValueError: The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().""",
"Newer seaborn treats a positional DataFrame argument differently; pass it by keyword: sns.boxplot(data=X).",
["data="])
add("pandas","usage","https://github.com/pegahcarter/TAcharts/issues/16",
"""  File "C:\\Python38\\lib\\site-packages\\tacharts-0.0.30-py3.8.egg\\TAcharts\\wrappers.py", line 34, in wrapper
    if oldSeries:
  File "C:\\Python38\\lib\\site-packages\\pandas\\core\\generic.py", line 1442, in __nonzero__
    raise ValueError(
ValueError: The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().""",
"A Series was used directly in an if; reduce it to one boolean, e.g. if oldSeries.any(): (or check .empty / is not None).",
[".any()",".all()",".empty","is not None"])
add("seaborn","version_drift","https://github.com/mwaskom/seaborn/issues/3485",
"""seaborn\\_oldcore.py:1498: FutureWarning: is_categorical_dtype is deprecated and will be removed in a future version. Use isinstance(dtype, CategoricalDtype) instead""",
"The warning comes from seaborn 0.12.2 with pandas 2.1; upgrade seaborn (fixed in 0.13) or downgrade pandas, or filter the FutureWarning.",
["seaborn>=0.13","0.13","upgrade seaborn","downgrade pandas","filterwarnings"])
add("torch","model_level","https://github.com/mrdbourke/pytorch-deep-learning/issues/763",
"""RuntimeError: mat1 and mat2 shapes cannot be multiplied (10x49 and 490x10)""",
"The Linear layer's in_features must equal the flattened conv output size; set nn.Linear(in_features=hidden_units*7*7, ...).",
["in_features","flattened"])
add("torch","model_level","https://github.com/wqshmzh/CANet-CZSL/issues/7",
"""RuntimeError: mat1 and mat2 shapes cannot be multiplied (1048576x1 and 512x512)""",
"Maintainer: the feature tensor still had trailing singleton dims (N,512,1,1); squeeze it to (batch_size, 512) before the linear layer.",
["squeeze","flatten","view(","reshape"])
add("torch","model_level","https://github.com/zhuangdizhu/FedGen/issues/1",
"""   File "/home/tianjc/her/FedGen/FLAlgorithms/servers/serverbase.py", line 228, in evaluate
      glob_loss = np.sum([x * y for (x, y) in zip(test_samples, test_losses)]).item() / np.sum(test_samples)

RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.""",
"Detach the loss tensors before handing them to NumPy: use y.detach() in the expression.",
[".detach()"])
add("torch","model_level","https://github.com/vaibkumr/prompt-optimizer/issues/3",
"""TypeError: can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.""",
"Move the tensor to host memory first: tensor.cpu().detach().numpy().",
[".cpu()"])
add("torch","model_level","https://github.com/Eurus-Holmes/MNMT/issues/7",
"""RuntimeError: Trying to backward through the graph a second time, but the buffers have already been freed. Specify retain_graph=True when calling backward the first time.""",
"Replace loss.backward() with loss.backward(retain_graph=True).",
["retain_graph=True"])
add("environment","environment","https://github.com/pytorch/pytorch/issues/129568",
"""OSError: [WinError 126] The specified module could not be found. Error loading "\\.venv\\Lib\\site-packages\\torch\\lib\\fbgemm.dll" or one of its dependencies.""",
"fbgemm.dll's dependency libomp140.x86_64.dll is missing on Windows (torch 2.4 regression); provide libomp140.x86_64.dll (e.g. in C:\\Windows\\System32) or install a fixed torch build.",
["libomp140","libomp"])
add("environment","environment","https://github.com/xszyou/Fay/issues/130",
"""OSError: [WinError 126] 找不到指定的模块。 Error loading "D:\\environment\\pythton310\\lib\\site-packages\\torch\\lib\\fbgemm.dll" or one of its dependencies.""",
"Reinstalling PyTorch built for the local CUDA version fixed it: pip install torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu118.",
["--index-url","download.pytorch.org/whl","reinstall torch","reinstall pytorch"])
add("tensorflow","version_drift","https://github.com/priiyaanjaalii0611/ASL_to_English/issues/3",
"""with tf.gfile.GFile(path, 'r') as fid:
AttributeError: module 'tensorflow' has no attribute 'gfile'. Did you mean: 'fill'?""",
"tf.gfile moved in TF2; replace tf.gfile.GFile with tf.io.gfile.GFile.",
["tf.io.gfile","io.gfile"])
add("tensorflow","version_drift","https://github.com/tensorflow/models/issues/7703",
"""AttributeError: module 'tensorflow' has no attribute 'GraphDef'""",
"The TF1 API is only under compat in TF2; import tensorflow.compat.v1 as tf (with tf.disable_v2_behavior()) or install TF 1.14/1.15.",
["compat.v1","tensorflow==1.1"])
add("tensorflow","environment","https://github.com/tensorflow/tensorflow/issues/38090",
"""[PhysicalDevice(name='/physical_device:CPU:0', device_type='CPU')]""",
"TensorFlow 2.1 is built for CUDA 10.1, not the installed 10.2; installing CUDA 10.1 made the GPU visible.",
["cuda 10.1","matching cuda","tested build configurations"])
add("tensorflow","environment","https://github.com/tensorflow/tensorflow/issues/60156",
"""print(tf.test.is_build_with_cuda()) # result show false
tf.config.list_physical_devices('GPU') # result show []""",
"Maintainer: since TensorFlow 2.11 there is no GPU support on native Windows; use WSL2, TensorFlow 2.10 (the last native-Windows GPU release), or tensorflow-cpu with the DirectML plugin.",
["WSL2","wsl","2.10","directml"])
add("keras","version_drift","https://github.com/googlecolab/colabtools/issues/3334",
"""AttributeError                            Traceback (most recent call last)
[<ipython-input-34-218568eaa99c>](https://localhost:8080/#) in <module>
      1 # add the image path
----> 2 test_image = image.load_img('waste1.png', target_size = (64, 64))

AttributeError: module 'keras.preprocessing.image' has no attribute 'load_img'""",
"load_img moved to the utils module; use tf.keras.utils.load_img (import keras.utils as image).",
["keras.utils.load_img","utils.load_img","keras.utils"])
add("keras","version_drift","https://github.com/tensorflow/tensorflow/issues/60746",
"""ImportError: cannot import name 'load_img' from 'keras.preprocessing.image'""",
"Maintainer: tf.keras.preprocessing.image.load_img is deprecated; use tf.keras.utils.load_img.",
["keras.utils.load_img","utils.load_img","keras.utils"])
add("environment","environment","https://github.com/nagadomi/nunif/issues/702",
"""RuntimeError: CUDA error: CUDA driver version is insufficient for CUDA runtime version""",
"Maintainer: the installed NVIDIA driver is too old for the CUDA runtime bundled with PyTorch; install the latest NVIDIA driver.",
["nvidia driver","update the driver","update your driver","latest driver"])
add("python","version_drift","https://github.com/partiallywritten/Mega.nz-Bot/issues/46",
"""AttributeError: module 'asyncio' has no attribute 'coroutine'. Did you mean: 'coroutines'?""",
"Generator-based @asyncio.coroutine was removed in Python 3.11; run under Python 3.10 or below (or port the code to async def/await).",
["python 3.10","python3.10","async def","3.10"])
add("python","version_drift","https://github.com/pythonprofilers/memory_profiler/issues/364",
"""  Traceback (most recent call last):
    File "/project/test_webrtcvad.py", line 5, in <module>
      from memory_profiler import memory_usage
    File "/tmp/tmp.EWDmnIKBET/venv/lib/python3.11/site-packages/memory_profiler.py", line 10, in <module>
      from asyncio import coroutine, iscoroutinefunction
  ImportError: cannot import name 'coroutine' from 'asyncio' (/opt/python/cp311-cp311/lib/python3.11/asyncio/__init__.py)""",
"asyncio.coroutine was removed in Python 3.11; upgrade memory_profiler to a release that no longer imports it.",
["upgrade memory_profiler","memory_profiler>=","-U memory_profiler","pip install --upgrade memory_profiler","newer memory_profiler"])
add("python","usage","https://github.com/Vuenc/TUM-Master-Informatics-Offered-Lectures/pull/14",
"""AttributeError: Can't pickle local object 'main.<locals>.<lambda>'""",
"multiprocessing pickles callables and cannot pickle lambdas or nested functions; replace the lambda with a def at module top level.",
["top level","top-level","module level","module-level","def "])
add("python","environment","https://github.com/ageitgey/medium_to_ghost/issues/9",
"""ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1056)""",
"Maintainer: python.org Python on macOS ships without root certificates; run /Applications/Python 3.x/Install Certificates.command.",
["Install Certificates.command","Install Certificates"])
add("python","environment","https://github.com/iam-abbas/Reddit-Stock-Trends/issues/38",
"""urllib.error.URLError: <urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1076)>""",
"On macOS run Python's Install Certificates.command; for a Homebrew Python without that file, run the equivalent script that installs certifi and links its CA bundle as the OpenSSL cert file.",
["certifi","Install Certificates"])
