<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>&amp;File</source>
            <extracomment>said in both languages: the user who picked the other language may not read this one actions that act on the canvas selection: their shortcuts work while the canvas has focus, so Del or Ctrl+C in a text field edits the text, not the graph</extracomment>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>新建(&amp;N)</translation>
        </message>
        <message>
            <source>Start an empty network</source>
            <translation>从一个空网络开始</translation>
        </message>
        <message>
            <source>New from &amp;template…</source>
            <translation>从模板新建(&amp;T)…</translation>
        </message>
        <message>
            <source>Start from a classic architecture (LeNet-5, AlexNet, VGG, ResNet) or one of yours</source>
            <translation>从经典网络结构（LeNet-5、AlexNet、VGG、ResNet）或你自己的模板开始</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a project file</source>
            <translation>打开项目文件</translation>
        </message>
        <message>
            <source>Open r&amp;un…</source>
            <translation>打开运行记录(&amp;U)…</translation>
        </message>
        <message>
            <source>A run folder (or checkpoint): its project, curves, gradient flow, Inference and Evaluate</source>
            <translation>打开一个运行文件夹（或检查点）：包括它的项目、曲线、梯度流，以及推理和评估</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save the project</source>
            <translation>保存项目</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <source>Save under a new name</source>
            <translation>以新名称保存</translation>
        </message>
        <message>
            <source>&amp;Import PyTorch model…</source>
            <translation>导入 PyTorch 模型(&amp;I)…</translation>
        </message>
        <message>
            <source>Turn an nn.Module (e.g. torchvision.models:resnet18) into an editable graph</source>
            <translation>把一个 nn.Module（例如 torchvision.models:resnet18）转换为可编辑的网络图</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>PyTorch &amp;code (model.py)…</source>
            <translation>PyTorch 代码(&amp;C)（model.py）…</translation>
        </message>
        <message>
            <source>&amp;ONNX…</source>
            <translation>ONNX 格式(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;TorchScript…</source>
            <translation>TorchScript 格式(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>剪切(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>粘贴(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Duplicate</source>
            <translation>创建副本(&amp;D)</translation>
        </message>
        <message>
            <source>De&amp;lete</source>
            <translation>删除(&amp;L)</translation>
        </message>
        <message>
            <source>Select &amp;All</source>
            <translation>全选(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Group selection…</source>
            <translation>将选中部分编组(&amp;G)…</translation>
        </message>
        <message>
            <source>Make the selected layers a named block</source>
            <translation>把选中的层编为一个有名称的模块</translation>
        </message>
        <message>
            <source>Save selection as &amp;block…</source>
            <translation>将选中部分保存为模块(&amp;B)…</translation>
        </message>
        <message>
            <source>Keep the selected layers as a reusable block (palette: My blocks)</source>
            <translation>把选中的层保存为可重复使用的模块（层面板：我的模块）</translation>
        </message>
        <message>
            <source>Insert &amp;block</source>
            <translation>插入模块(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;History</source>
            <translation>历史记录(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Fit to view</source>
            <translation>适合窗口(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Auto-layout</source>
            <translation>自动布局(&amp;A)</translation>
        </message>
        <message>
            <source>Arrange the layers top to bottom (undoable)</source>
            <translation>将各层从上到下排列（可撤销）</translation>
        </message>
        <message>
            <source>&amp;Reset layout</source>
            <translation>重置布局(&amp;R)</translation>
        </message>
        <message>
            <source>Docks where a first start puts them; the window sized from the screen</source>
            <translation>停靠窗口回到首次启动时的位置；窗口大小按屏幕重新设定</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>cnn-studio &amp;Help</source>
            <translation>cnn-studio 帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Concepts</source>
            <translation>概念(&amp;C)</translation>
        </message>
        <message>
            <source>One-hot, softmax, cross-entropy, convolution… each linked to where the studio shows it</source>
            <translation>独热编码、softmax、交叉熵、卷积……每个概念都链接到工作室中展示它的位置</translation>
        </message>
        <message>
            <source>&amp;About cnn-studio</source>
            <translation>关于 cnn-studio(&amp;A)</translation>
        </message>
        <message>
            <source>cnn-studio: unexpected error</source>
            <translation>cnn-studio：意外错误</translation>
        </message>
        <message>
            <source>The studio keeps running; save your work. The details were written to the log (cnn-studio.log in the data folder).</source>
            <translation>工作室会继续运行，请保存你的工作。详细信息已写入日志（数据文件夹中的 cnn-studio.log）。</translation>
        </message>
        <message>
            <source>Cannot open project</source>
            <translation>无法打开项目</translation>
        </message>
        <message>
            <source>{why}

Starting with the default network instead.</source>
            <translation>{why}

改为从默认网络开始。</translation>
        </message>
        <message>
            <source>Cannot load template</source>
            <translation>无法加载模板</translation>
        </message>
        <message>
            <source>Cannot open the view</source>
            <translation>无法打开该视图</translation>
        </message>
        <message>
            <source>Not saved: {why}</source>
            <translation>未保存：{why}</translation>
        </message>
        <message>
            <source>Saved {n} layers as block '{name}': insert it from the palette's My blocks or Edit → Insert block</source>
            <translation>已将 {n} 层保存为模块“{name}”：可从层面板的“我的模块”或“编辑 → 插入模块”插入</translation>
        </message>
        <message>
            <source>Nothing selected to copy</source>
            <translation>没有选中可复制的内容</translation>
        </message>
        <message>
            <source>Copied {n} layers</source>
            <translation>已复制 {n} 个层</translation>
        </message>
        <message>
            <source>Copied {n} layer</source>
            <translation>已复制 {n} 个层</translation>
        </message>
        <message>
            <source>Cut {n} layers</source>
            <translation>剪切 {n} 个层</translation>
        </message>
        <message>
            <source>Cut {n} layer</source>
            <translation>剪切 {n} 个层</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <source>Nothing selected to duplicate</source>
            <translation>没有选中要创建副本的内容</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>创建副本</translation>
        </message>
        <message>
            <source>Cannot paste: {error}</source>
            <translation>无法粘贴：{error}</translation>
        </message>
        <message>
            <source>Cannot add {type}: {error}</source>
            <translation>无法添加 {type}：{error}</translation>
        </message>
        <message>
            <source>{action} after '{name}'</source>
            <translation>{action}（在“{name}”之后）</translation>
        </message>
        <message>
            <source>Cannot delete: {error}</source>
            <translation>无法删除：{error}</translation>
        </message>
        <message>
            <source>; reconnected {pairs} (Ctrl+Z undoes both)</source>
            <translation>；已重新连接 {pairs}（Ctrl+Z 会一并撤销）</translation>
        </message>
        <message>
            <source>Not connected: {error}</source>
            <translation>未连接：{error}</translation>
        </message>
        <message>
            <source>Cannot group: {error}</source>
            <translation>无法编组：{error}</translation>
        </message>
        <message>
            <source>Select the layers to save as a template first</source>
            <translation>请先选择要保存为模板的层</translation>
        </message>
        <message>
            <source>Cannot insert block: {error}</source>
            <translation>无法插入模块：{error}</translation>
        </message>
        <message>
            <source>Cannot insert block '{name}': {error}</source>
            <translation>无法插入模块“{name}”：{error}</translation>
        </message>
        <message>
            <source>Fix failed: {error}</source>
            <translation>修复失败：{error}</translation>
        </message>
        <message>
            <source>Applied: {fix}</source>
            <translation>已应用：{fix}</translation>
        </message>
        <message>
            <source>Auto-layout</source>
            <translation>自动布局</translation>
        </message>
        <message>
            <source>▾ {name} (continued)</source>
            <translation>▾ {name}（续）</translation>
        </message>
        <message>
            <source>Drag to a highlighted input port to connect</source>
            <translation>拖到高亮的输入端口上即可连接</translation>
        </message>
        <message>
            <source>Cannot connect there</source>
            <translation>不能连接到那里</translation>
        </message>
        <message>
            <source>Expand the group '{name}' to connect into one of its layers</source>
            <translation>展开组“{name}”，才能连接到它里面的某一层</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Group…</source>
            <translation>编组…</translation>
        </message>
        <message>
            <source>Ungroup '{name}'</source>
            <translation>取消编组“{name}”</translation>
        </message>
        <message>
            <source>Fix: {fix}</source>
            <translation>修复：{fix}</translation>
        </message>
        <message>
            <source>Add layer</source>
            <translation>添加层</translation>
        </message>
        <message>
            <source>Fit to view</source>
            <translation>适应视图</translation>
        </message>
        <message>
            <source>Expand</source>
            <translation>展开</translation>
        </message>
        <message>
            <source>Collapse</source>
            <translation>折叠</translation>
        </message>
        <message>
            <source>Delete layers</source>
            <translation>删除这些层</translation>
        </message>
        <message>
            <source>Delete connection</source>
            <translation>删除连接</translation>
        </message>
        <message>
            <source>Group layers</source>
            <translation>将层编组</translation>
        </message>
        <message>
            <source>Name of the block:</source>
            <translation>模块名称：</translation>
        </message>
        <message>
            <source>Overview: click or drag to move the canvas there</source>
            <translation>总览：点击或拖动，把画布移到那里</translation>
        </message>
        <message>
            <source>network</source>
            <comment>breadcrumbs: an unnamed project</comment>
            <translation>网络</translation>
        </message>
        <message>
            <source>Fix</source>
            <translation>修复</translation>
        </message>
        <message>
            <source>{n} params</source>
            <comment>card</comment>
            <translation>{n} 参数</translation>
        </message>
        <message>
            <source>{n} layers</source>
            <comment>card</comment>
            <translation>{n} 层</translation>
        </message>
        <message>
            <source>{params} params · {macs} MACs</source>
            <comment>card</comment>
            <translation>{params} 参数 · {macs} MACs</translation>
        </message>
        <message>
            <source>{n} blocks</source>
            <comment>card</comment>
            <translation>{n} 个模块</translation>
        </message>
        <message>
            <source>{n} {kind}s</source>
            <comment>card</comment>
            <translation>{n} 个 {kind}</translation>
        </message>
        <message>
            <source>Add {type} '{name}'</source>
            <translation>添加 {type}“{name}”</translation>
        </message>
        <message>
            <source>Delete '{name}'</source>
            <translation>删除“{name}”</translation>
        </message>
        <message>
            <source>Delete {n} layers</source>
            <translation>删除 {n} 层</translation>
        </message>
        <message>
            <source>Delete {n} connections</source>
            <translation>删除 {n} 条连接</translation>
        </message>
        <message>
            <source>Disconnect '{source}' → '{target}'</source>
            <translation>断开“{source}”→“{target}”</translation>
        </message>
        <message>
            <source>Connect '{source}' → '{target}'</source>
            <translation>连接“{source}”→“{target}”</translation>
        </message>
        <message>
            <source>Reconnect '{target}' to '{source}'</source>
            <translation>将“{target}”改接到“{source}”</translation>
        </message>
        <message>
            <source>Set {param} of '{name}' to {value}</source>
            <translation>将“{name}”的 {param} 设为 {value}</translation>
        </message>
        <message>
            <source>Rename '{old}' to '{new}'</source>
            <translation>将“{old}”重命名为“{new}”</translation>
        </message>
        <message>
            <source>Move '{name}'</source>
            <translation>移动“{name}”</translation>
        </message>
        <message>
            <source>Move {n} layers</source>
            <translation>移动 {n} 层</translation>
        </message>
        <message>
            <source>Fix: {label}</source>
            <translation>修正：{label}</translation>
        </message>
        <message>
            <source>Group {n} layers as '{name}'</source>
            <translation>将 {n} 层编组为“{name}”</translation>
        </message>
        <message>
            <source>a group needs a name</source>
            <translation>编组需要一个名称</translation>
        </message>
        <message>
            <source>a group named '{name}' already exists: choose another name</source>
            <translation>名为“{name}”的编组已存在：请换一个名称</translation>
        </message>
        <message>
            <source>select the layers to group first</source>
            <translation>请先选中要编组的层</translation>
        </message>
        <message>
            <source>'{name}' is already in group '{group}': ungroup it first</source>
            <translation>“{name}”已在编组“{group}”中：请先取消编组</translation>
        </message>
        <message>
            <source>Collapse '{name}'</source>
            <translation>折叠“{name}”</translation>
        </message>
        <message>
            <source>Expand '{name}'</source>
            <translation>展开“{name}”</translation>
        </message>
        <message>
            <source>Insert block '{name}' (1 layer) after '{after}'</source>
            <translation>在“{after}”之后插入模块“{name}”（1 层）</translation>
        </message>
        <message>
            <source>Insert block '{name}' ({n} layers) after '{after}'</source>
            <translation>在“{after}”之后插入模块“{name}”（{n} 层）</translation>
        </message>
        <message>
            <source>Insert block '{name}' (1 layer)</source>
            <translation>插入模块“{name}”（1 层）</translation>
        </message>
        <message>
            <source>Insert block '{name}' ({n} layers)</source>
            <translation>插入模块“{name}”（{n} 层）</translation>
        </message>
        <message>
            <source>Paste 1 layer</source>
            <translation>粘贴 1 层</translation>
        </message>
        <message>
            <source>Paste {n} layers</source>
            <translation>粘贴 {n} 层</translation>
        </message>
        <message>
            <source>Duplicate 1 layer</source>
            <translation>创建 1 层的副本</translation>
        </message>
        <message>
            <source>Duplicate {n} layers</source>
            <translation>创建 {n} 层的副本</translation>
        </message>
        <message>
            <source>Inference is open, but no model is trained yet: train one (Training tab → ▶ Train) or open a checkpoint, then drop an image (resources/samples/digit_3.png).</source>
            <translation>已打开推理，但还没有训练好的模型：先训练一个（训练标签页 → ▶ 训练）或打开一个检查点，再拖入一张图像（resources/samples/digit_3.png）。</translation>
        </message>
        <message>
            <source>Open or drop an image on the Inference tab to see its numbers.</source>
            <translation>在推理标签页中打开或拖入一张图像，即可看到它的数值。</translation>
        </message>
        <message>
            <source>Inference → Output &amp; loss: choose the true class to see the one-hot vector and the loss.</source>
            <translation>推理 → 输出 &amp; 损失：选择真实类别，即可看到独热编码向量和损失。</translation>
        </message>
        <message>
            <source>Open or drop an image on the Inference tab: every layer's maps appear, in network order.</source>
            <translation>在推理标签页中打开或拖入一张图像：每一层的特征图会按网络顺序显示出来。</translation>
        </message>
        <message>
            <source>Inference → Overview: every layer's feature maps for your image; click a map for its arithmetic, hover a pixel for its receptive field.</source>
            <translation>推理 → 总览：你的图像在每一层的特征图；点击一张特征图查看它的计算过程，把鼠标悬停在像素上查看它的感受野。</translation>
        </message>
        <message>
            <source>{node} has no feature maps in the trained model (train again after editing).</source>
            <translation>{node} 在训练好的模型中没有特征图（编辑后请重新训练）。</translation>
        </message>
        <message>
            <source>Open or drop an image on the Inference tab, then click a pixel of a feature map.</source>
            <translation>在推理标签页中打开或拖入一张图像，然后点击特征图上的一个像素。</translation>
        </message>
        <message>
            <source>Click any pixel of a feature map: the patch, the kernel and Σ + bias appear beside it.</source>
            <translation>点击特征图上的任意像素：旁边会显示对应的输入块、卷积核以及 Σ + 偏置。</translation>
        </message>
        <message>
            <source>This network has no {what}: File → New from template… → {template} has one.</source>
            <translation>这个网络中没有{what}：文件 → 从模板新建… → {template} 中有。</translation>
        </message>
        <message>
            <source>The training tabs are not available.</source>
            <translation>训练相关的标签页不可用。</translation>
        </message>
        <message>
            <source>No layer here is padded: set padding to 1 on the selected Conv2d and watch H_out in the Inspector (Ctrl+Z undoes).</source>
            <translation>这里没有带填充的层：把选中的 Conv2d 的填充设为 1，在检查器中观察 H_out（Ctrl+Z 可撤销）。</translation>
        </message>
        <message>
            <source>Selected {node}. {next}</source>
            <translation>已选中 {node}。{next}</translation>
        </message>
        <message>
            <source>Selected {node}: params = 0 in the Inspector. {next}</source>
            <translation>已选中 {node}：检查器中显示参数量 = 0。{next}</translation>
        </message>
        <message>
            <source>Selected {node}: the Inspector compares the pair with one big kernel.</source>
            <translation>已选中 {node}：检查器把这一对卷积与一个大卷积核进行比较。</translation>
        </message>
        <message>
            <source>Selected {node}: the Inspector shows its formula and what it learns.</source>
            <translation>已选中 {node}：检查器显示它的公式以及它学习的内容。</translation>
        </message>
        <message>
            <source>Selected {node}: the Summary shows its Params, and the Receptive field and Jump columns.</source>
            <translation>已选中 {node}：概要表显示它的“参数”，以及“感受野”和“跳步”两列。</translation>
        </message>
        <message>
            <source>the Summary shows its Params, and the Receptive field and Jump columns.</source>
            <translation>概要表显示它的“参数”，以及“感受野”和“跳步”两列。</translation>
        </message>
        <message>
            <source>Training → Dataset: the Validation and Test fractions hold those images out of training (now {val} and {test}).</source>
            <translation>训练 → 数据集：“验证集”和“测试集”比例规定了不参与训练的图像（当前为 {val} 和 {test}）。</translation>
        </message>
        <message>
            <source>Training: the dashed line on the loss plot marks ln C, where an untrained model starts; each step of gradient descent moves the loss down from there.</source>
            <translation>训练：损失曲线上的虚线标出 ln C，即未经训练的模型的起点；梯度下降的每一步都让损失从那里往下降。</translation>
        </message>
        <message>
            <source>Training: the settings and the live curves.</source>
            <translation>训练：设置和实时曲线。</translation>
        </message>
        <message>
            <source>Gradient flow: train to see each layer's gradient norm, as loss.backward() computed it.</source>
            <translation>梯度流：训练后即可看到每一层的梯度范数，即 loss.backward() 从损失反向求出的梯度。</translation>
        </message>
        <message>
            <source>Run it headless: {command}</source>
            <translation>在命令行中运行：{command}</translation>
        </message>
        <message>
            <source>Experiments window opened; {name} is not one of its experiments.</source>
            <translation>已打开实验窗口；其中没有实验 {name}。</translation>
        </message>
        <message>
            <source>Experiments → {name}: press Run experiment to measure it ({command}).</source>
            <translation>实验 → {name}：按“运行实验”进行测量（{command}）。</translation>
        </message>
        <message>
            <source>Templates: {name}'s card (paper, year, parameters and MACs); Create opens it as a network.</source>
            <translation>模板：{name} 的卡片（论文、年份、参数量和 MACs）；按“创建”把它作为网络打开。</translation>
        </message>
        <message>
            <source>Unknown place {place}.</source>
            <translation>未知的位置 {place}。</translation>
        </message>
        <message>
            <source>Unknown concept {id}.</source>
            <translation>未知的概念 {id}。</translation>
        </message>
        <message>
            <source>The ideas of a first CNN course, each with a link to the place in the studio that shows it for &lt;i&gt;your&lt;/i&gt; network and image, with live numbers.</source>
            <translation>CNN 入门课程中的核心概念。每个概念都附有一个链接，指向软件中用&lt;i&gt;你自己的&lt;/i&gt;网络和图像、以实时数值展示它的地方。</translation>
        </message>
        <message>
            <source>Concepts</source>
            <translation>概念</translation>
        </message>
        <message>
            <source>Export {what}</source>
            <translation>导出 {what}</translation>
        </message>
        <message>
            <source>Export with trained weights?</source>
            <translation>连同训练好的权重一起导出？</translation>
        </message>
        <message>
            <source>Include the trained weights of run {run} ({file})?

Yes: the export carries these weights. No: the model is exported untrained.</source>
            <translation>要包含运行记录 {run}（{file}）中训练好的权重吗？

是：导出的模型带有这些权重。否：导出未训练的模型。</translation>
        </message>
        <message>
            <source>cnn-studio help</source>
            <translation>cnn-studio 帮助</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>About cnn-studio</source>
            <translation>关于 cnn-studio</translation>
        </message>
        <message>
            <source>Build, train and export convolutional image classifiers visually.</source>
            <translation>以可视化方式搭建、训练和导出卷积图像分类器。</translation>
        </message>
        <message>
            <source>Import PyTorch model</source>
            <translation>导入 PyTorch 模型</translation>
        </message>
        <message>
            <source>A callable that returns an nn.Module, e.g. torchvision.models:resnet18 (it is imported and called without arguments)</source>
            <translation>一个返回 nn.Module 的可调用对象，例如 torchvision.models:resnet18（会被导入并以无参数方式调用）</translation>
        </message>
        <message>
            <source>C×H×W, e.g. 3x224x224</source>
            <translation>C×H×W，例如 3x224x224</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Input shape</source>
            <translation>输入形状</translation>
        </message>
        <message>
            <source>The model is traced with torch.fx into layers the studio knows; weights are not kept.</source>
            <translation>模型会用 torch.fx 追踪，转换为工作室认识的层；权重不会保留。</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>'{target}' is not MODULE:CALLABLE: write it like torchvision.models:resnet18</source>
            <translation>“{target}”不是 MODULE:CALLABLE 的形式：请写成 torchvision.models:resnet18 这样</translation>
        </message>
        <message>
            <source>Weights ({patterns});;All files (*)</source>
            <translation>权重文件 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <source>Load weights</source>
            <translation>加载权重</translation>
        </message>
        <message>
            <source>Cannot load weights</source>
            <translation>无法加载权重</translation>
        </message>
        <message>
            <source>the network has errors; fix them first (see the Problems tab)</source>
            <translation>网络中有错误；请先修正（见“问题”标签页）</translation>
        </message>
        <message>
            <source>Load weights {file}</source>
            <translation>加载权重 {file}</translation>
        </message>
        <message>
            <source>Weights loaded</source>
            <translation>权重已加载</translation>
        </message>
        <message>
            <source>The weights are applied when training starts (Training tab: Start from weights). Lock layers with right click → Freeze.</source>
            <translation>这些权重会在训练开始时载入（训练标签页：初始权重）。用右键 → 冻结 可以锁定层。</translation>
        </message>
        <message>
            <source>Training will start from {file}: {loaded} of {total} tensors (Ctrl+Z undoes)</source>
            <translation>训练将从 {file} 开始：载入 {total} 个张量中的 {loaded} 个（Ctrl+Z 可撤销）</translation>
        </message>
        <message>
            <source>Restore unsaved work?</source>
            <translation>恢复未保存的工作？</translation>
        </message>
        <message>
            <source>Restore it? (Discard deletes the recovered copy.)</source>
            <translation>要恢复吗？（“丢弃”会删除恢复的副本。）</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <source>earlier</source>
            <translation>更早的时候</translation>
        </message>
        <message>
            <source>cnn-studio did not close normally. Unsaved changes to '{file}' were recovered from {when}.</source>
            <translation>cnn-studio 上次没有正常关闭。已从 {when} 的自动保存中恢复“{file}”的未保存更改。</translation>
        </message>
        <message>
            <source>cnn-studio did not close normally. Unsaved changes to an unsaved project ('{name}') were recovered from {when}.</source>
            <translation>cnn-studio 上次没有正常关闭。已从 {when} 的自动保存中恢复一个未保存项目（“{name}”）的更改。</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <source>Cannot save as template</source>
            <translation>无法另存为模板</translation>
        </message>
        <message>
            <source>Save as template</source>
            <translation>另存为模板</translation>
        </message>
        <message>
            <source>Name of the template (it appears in New from template and in {command}):</source>
            <translation>模板名称（它会出现在“从模板新建”和 {command} 中）：</translation>
        </message>
        <message>
            <source>Replace template</source>
            <translation>替换模板</translation>
        </message>
        <message>
            <source>A template named '{name}' exists. Replace it?</source>
            <translation>名为“{name}”的模板已存在。要替换它吗？</translation>
        </message>
        <message>
            <source>cannot write the template: {reason}</source>
            <translation>无法写入模板：{reason}</translation>
        </message>
        <message>
            <source>Saved the network as the template '{name}' ({file}): File → New from template</source>
            <translation>已把网络另存为模板“{name}”（{file}）：文件 → 从模板新建</translation>
        </message>
        <message>
            <source>(your template)</source>
            <translation>（你的模板）</translation>
        </message>
        <message>
            <source>&lt;b&gt;Input&lt;/b&gt; {shape} · &lt;b&gt;{n}&lt;/b&gt; classes&lt;br&gt;&lt;b&gt;Params&lt;/b&gt; {params} · &lt;b&gt;MACs&lt;/b&gt; {macs}</source>
            <translation>&lt;b&gt;输入&lt;/b&gt; {shape} · &lt;b&gt;{n}&lt;/b&gt; 个类别&lt;br&gt;&lt;b&gt;参数量&lt;/b&gt; {params} · &lt;b&gt;MACs&lt;/b&gt; {macs}</translation>
        </message>
        <message>
            <source>New from template</source>
            <translation>从模板新建</translation>
        </message>
        <message>
            <source>Delete this template of yours</source>
            <translation>删除你的这个模板</translation>
        </message>
        <message>
            <source>Skipped: {files}</source>
            <translation>已跳过：{files}</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>创建</translation>
        </message>
        <message>
            <source>your template</source>
            <translation>你的模板</translation>
        </message>
        <message>
            <source>{n} params</source>
            <comment>gallery line</comment>
            <translation>{n} 参数</translation>
        </message>
        <message>
            <source>{n} MACs</source>
            <comment>gallery line</comment>
            <translation>{n} 次乘加</translation>
        </message>
        <message>
            <source>Delete template</source>
            <translation>删除模板</translation>
        </message>
        <message>
            <source>Delete your template '{name}'?</source>
            <translation>删除你的模板“{name}”？</translation>
        </message>
        <message>
            <source>Weights file…</source>
            <translation>权重文件…</translation>
        </message>
        <message>
            <source>Start training from pretrained weights, e.g. torchvision's {file} from {folder}; layers that do not fit (the head) start fresh</source>
            <translation>从预训练权重开始训练，例如 {folder} 中 torchvision 的 {file}；对不上的层（分类头）重新初始化</translation>
        </message>
        <message>
            <source>None</source>
            <comment>no weights file</comment>
            <translation>无</translation>
        </message>
        <message>
            <source>Start from weights:</source>
            <translation>初始权重：</translation>
        </message>
        <message>
            <source>none (PyTorch's initialisation)</source>
            <translation>无（PyTorch 默认初始化）</translation>
        </message>
        <message>
            <source>Start from weights</source>
            <translation>初始权重</translation>
        </message>
        <message>
            <source>E&amp;xperiments</source>
            <translation>实验(&amp;X)</translation>
        </message>
        <message>
            <source>Kept this project as variant A: edit the network, then Experiments → Run my variants (A vs your edited B)</source>
            <translation>已将此项目保存为变体 A：请修改网络，然后选择 实验 → 运行我的变体（A 对比你修改后的 B）</translation>
        </message>
        <message>
            <source>&amp;Experiments…</source>
            <translation>实验(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Duplicate as variant</source>
            <translation>复制为变体(&amp;D)</translation>
        </message>
        <message>
            <source>Keep the current project as variant A; your edits become variant B</source>
            <translation>将当前项目保存为变体 A；你之后的修改成为变体 B</translation>
        </message>
        <message>
            <source>&amp;Open experiment folder…</source>
            <translation>打开实验文件夹(&amp;O)…</translation>
        </message>
        <message>
            <source>A finished experiment (cnn-studio experiment NAME --out DIR): curves, verdict, gradient flow</source>
            <translation>已完成的实验（cnn-studio experiment NAME --out DIR）：曲线、判定与梯度流</translation>
        </message>
        <message>
            <source>&amp;Run my variants (A vs B)</source>
            <translation>运行我的变体（A 对比 B）(&amp;R)</translation>
        </message>
        <message>
            <source>variant</source>
            <translation>变体</translation>
        </message>
        <message>
            <source>init</source>
            <translation>初始化</translation>
        </message>
        <message>
            <source>optimiser</source>
            <translation>优化器</translation>
        </message>
        <message>
            <source>lr</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>Decided at.</source>
            <translation>判定时机：</translation>
        </message>
        <message>
            <source>Set-up.</source>
            <translation>实验设置：</translation>
        </message>
        <message>
            <source>Gradient per layer, step 1 (log)</source>
            <translation>各层梯度，第 1 步（对数）</translation>
        </message>
        <message>
            <source>First layer's gradient, per step (log)</source>
            <translation>第一层的梯度，逐步（对数）</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步</translation>
        </message>
        <message>
            <source>layer (input → output, BN included)</source>
            <translation>层（输入 → 输出，含 BN）</translation>
        </message>
        <message>
            <source>Claim.</source>
            <translation>论断：</translation>
        </message>
        <message>
            <source>Source.</source>
            <translation>出处：</translation>
        </message>
        <message>
            <source>Decided by.</source>
            <translation>判定依据：</translation>
        </message>
        <message>
            <source>Variants</source>
            <translation>变体</translation>
        </message>
        <message>
            <source>{epochs} epochs each on &lt;i&gt;{data}&lt;/i&gt;, seed {seed}, budget {minutes} min on a 2-core CPU</source>
            <translation>每个变体在 &lt;i&gt;{data}&lt;/i&gt; 上训练 {epochs} 轮，随机种子 {seed}，在双核 CPU 上的时间预算为 {minutes} 分钟</translation>
        </message>
        <message>
            <source>Experiments — cnn-studio</source>
            <translation>实验 — cnn-studio</translation>
        </message>
        <message>
            <source>epochs: </source>
            <translation>轮数：</translation>
        </message>
        <message>
            <source>Run experiment</source>
            <translation>运行实验</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Experiments</source>
            <translation>实验</translation>
        </message>
        <message>
            <source>Open finished experiment folder…</source>
            <translation>打开已完成的实验文件夹…</translation>
        </message>
        <message>
            <source>A folder written by `cnn-studio experiment NAME --out DIR` (or by Run): its curves, verdict and gradient flow</source>
            <translation>由 `cnn-studio experiment NAME --out DIR`（或“运行实验”）写出的文件夹：显示其曲线、判定与梯度流</translation>
        </message>
        <message>
            <source>Training loss (running, per epoch)</source>
            <translation>训练损失（滑动平均，按轮）</translation>
        </message>
        <message>
            <source>Validation accuracy (%)</source>
            <translation>验证准确率（%）</translation>
        </message>
        <message>
            <source>epoch</source>
            <translation>轮</translation>
        </message>
        <message>
            <source>Pick an experiment and press Run: the verdict is computed from what the variants record, never written in advance.</source>
            <translation>选择一个实验并点击“运行实验”：判定由各变体训练时记录的数据计算得出，绝不预先写定。</translation>
        </message>
        <message>
            <source>Gradient flow of:</source>
            <translation>梯度流，变体：</translation>
        </message>
        <message>
            <source>Running {name} into {folder} …</source>
            <translation>正在运行 {name}，输出到 {folder} …</translation>
        </message>
        <message>
            <source>Stopping after the current step…</source>
            <translation>将在当前这一步之后停止…</translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>运行中…</translation>
        </message>
        <message>
            <source>[{index}/{total}] {variant}: {params} parameters on {device}</source>
            <translation>[{index}/{total}] {variant}：{params} 个参数，运行于 {device}</translation>
        </message>
        <message>
            <source>Open experiment folder</source>
            <translation>打开实验文件夹</translation>
        </message>
        <message>
            <source>{folder} is not a finished experiment folder (its verdict.json: {error})</source>
            <translation>{folder} 不是已完成的实验文件夹（其 verdict.json：{error}）</translation>
        </message>
        <message>
            <source>Opened {folder} (recorded; press Run to train it again)</source>
            <translation>已打开 {folder}（已记录的结果；点击“运行实验”可重新训练）</translation>
        </message>
        <message>
            <source>Verdict: {verdict}</source>
            <translation>判定：{verdict}</translation>
        </message>
        <message>
            <source>claim: {claim} ({source})</source>
            <translation>论断：{claim}（{source}）</translation>
        </message>
        <message>
            <source>Finished in {seconds} s; report: {path}</source>
            <translation>用时 {seconds} 秒完成；报告：{path}</translation>
        </message>
        <message>
            <source>Stopped: {message}</source>
            <translation>已停止：{message}</translation>
        </message>
        <message>
            <source>stopped after {seconds} s</source>
            <translation>{seconds} 秒后停止</translation>
        </message>
        <message>
            <source>Failed: {message}</source>
            <translation>失败：{message}</translation>
        </message>
        <message>
            <source>failed after {seconds} s</source>
            <translation>{seconds} 秒后失败</translation>
        </message>
        <message>
            <source>cnn-studio projects ({patterns});;All files (*)</source>
            <translation>cnn-studio 项目 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <source>'{name}' has unsaved changes. Save them first?</source>
            <translation>“{name}”有未保存的更改。要先保存吗？</translation>
        </message>
        <message>
            <source>New project: drag layers from the palette onto the canvas</source>
            <translation>新项目：从层面板把层拖到画布上</translation>
        </message>
        <message>
            <source>Loaded template '{name}' ({n} layers)</source>
            <translation>已加载模板“{name}”（{n} 层）</translation>
        </message>
        <message>
            <source>Open project</source>
            <translation>打开项目</translation>
        </message>
        <message>
            <source>Opened {path}</source>
            <translation>已打开 {path}</translation>
        </message>
        <message>
            <source>Open run folder</source>
            <translation>打开运行文件夹</translation>
        </message>
        <message>
            <source>Cannot open run</source>
            <translation>无法打开运行记录</translation>
        </message>
        <message>
            <source>Opened run {path}</source>
            <translation>已打开运行记录 {path}</translation>
        </message>
        <message>
            <source>(no recent files)</source>
            <translation>（没有最近打开的文件）</translation>
        </message>
        <message>
            <source>Clear list</source>
            <translation>清空列表</translation>
        </message>
        <message>
            <source>Save project as</source>
            <translation>项目另存为</translation>
        </message>
        <message>
            <source>Cannot save project</source>
            <translation>无法保存项目</translation>
        </message>
        <message>
            <source>cannot write {path}: {why}</source>
            <translation>无法写入 {path}：{why}</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
        <message>
            <source>Cannot import model</source>
            <translation>无法导入模型</translation>
        </message>
        <message>
            <source>Imported {target} ({n} layers)</source>
            <translation>已导入 {target}（{n} 层）</translation>
        </message>
        <message>
            <source>Cannot export</source>
            <translation>无法导出</translation>
        </message>
        <message>
            <source>the network has {n} error(s); fix them first (see the Problems tab). First: {first}</source>
            <translation>网络有 {n} 个错误，请先修正（见“问题”选项卡）。第一个错误：{first}</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <source>Exported {what} to {path} with the weights of {run}</source>
            <translation>已将 {what} 导出到 {path}，带有 {run} 的权重</translation>
        </message>
        <message>
            <source>Exported {what} to {path}</source>
            <translation>已将 {what} 导出到 {path}</translation>
        </message>
        <message>
            <source>Cannot restore</source>
            <translation>无法恢复</translation>
        </message>
        <message>
            <source>the recovery file is damaged: {why}</source>
            <translation>恢复文件已损坏：{why}</translation>
        </message>
        <message>
            <source>Restored your unsaved work: save it to keep it</source>
            <translation>已恢复你未保存的工作：请保存以保留它</translation>
        </message>
        <message>
            <source>Layers</source>
            <translation>层</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>检查器</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>概要</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Diagram</source>
            <translation>结构图</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史记录</translation>
        </message>
        <message>
            <source>Layout reset: docks and window size as on a first start</source>
            <translation>布局已重置：停靠窗口和窗口大小恢复为首次启动时的样子</translation>
        </message>
        <message>
            <source>{n} error(s)</source>
            <translation>{n} 个错误</translation>
        </message>
        <message>
            <source>{n} warning(s)</source>
            <translation>{n} 个警告</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>有效</translation>
        </message>
        <message>
            <source>{layers} layers · {params} params · {macs} MACs · {state}</source>
            <translation>{layers} 层 · {params} 个参数 · {macs} MACs · {state}</translation>
        </message>
        <message>
            <source>Problems ({n})</source>
            <translation>问题 ({n})</translation>
        </message>
        <message>
            <source>(none yet: select layers, then Save selection as block…)</source>
            <translation>（暂无：先选中若干层，再用“将选中部分保存为模块…”）</translation>
        </message>
        <message>
            <source>Select the layers to group first</source>
            <translation>请先选中要编组的层</translation>
        </message>
        <message>
            <source>Group selection</source>
            <translation>将选中部分编组</translation>
        </message>
        <message>
            <source>Select the layers to save first</source>
            <translation>请先选中要保存的层</translation>
        </message>
        <message>
            <source>Save selection as block</source>
            <translation>将选中部分保存为模块</translation>
        </message>
        <message>
            <source>Name of the block (it appears under My blocks in the palette and in Edit → Insert block):</source>
            <translation>模块名称（它会出现在层面板的“我的模块”和“编辑 → 插入模块”中）：</translation>
        </message>
        <message>
            <source>Cannot save block</source>
            <translation>无法保存模块</translation>
        </message>
        <message>
            <source>Arranged the layers top to bottom (Ctrl+Z undoes)</source>
            <translation>已将各层从上到下排列（按 Ctrl+Z 撤销）</translation>
        </message>
        <message>
            <source>Training is running</source>
            <translation>正在训练</translation>
        </message>
        <message>
            <source>A training run is in progress. Stop it and quit? (The last checkpoint is kept.)</source>
            <translation>一次训练正在进行。要停止训练并退出吗？（最近的检查点会保留。）</translation>
        </message>
        <message>
            <source>Copy</source>
            <comment>code</comment>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy the code to the clipboard</source>
            <translation>把代码复制到剪贴板</translation>
        </message>
        <message>
            <source>Export…</source>
            <comment>code</comment>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Save the code as a Python file (model.py)</source>
            <translation>把代码保存为 Python 文件（model.py）</translation>
        </message>
        <message>
            <source>The graph has errors, so there is no code yet. Fix these first:</source>
            <translation>计算图有错误，所以还没有代码。请先修复这些错误：</translation>
        </message>
        <message>
            <source>{n} error(s): see the Problems tab</source>
            <translation>{n} 个错误：见“问题”标签页</translation>
        </message>
        <message>
            <source>Cannot generate code: {error}</source>
            <translation>无法生成代码：{error}</translation>
        </message>
        <message>
            <source>Cannot generate code</source>
            <translation>无法生成代码</translation>
        </message>
        <message>
            <source>model.py · {n} lines · PyTorch</source>
            <translation>model.py · {n} 行 · PyTorch</translation>
        </message>
        <message>
            <source>Copied the model code to the clipboard</source>
            <translation>已把模型代码复制到剪贴板</translation>
        </message>
        <message>
            <source>Export PyTorch code</source>
            <translation>导出 PyTorch 代码</translation>
        </message>
        <message>
            <source>Python files (*.py)</source>
            <translation>Python 文件 (*.py)</translation>
        </message>
        <message>
            <source>Cannot write {path}: {error}</source>
            <translation>无法写入 {path}：{error}</translation>
        </message>
        <message>
            <source>Exported the model code to {path}</source>
            <translation>已把模型代码导出到 {path}</translation>
        </message>
        <message>
            <source>Fit</source>
            <comment>zoom</comment>
            <translation>适应窗口</translation>
        </message>
        <message>
            <source>Show the whole diagram (Ctrl+wheel zooms)</source>
            <translation>显示整个结构图（Ctrl+滚轮缩放）</translation>
        </message>
        <message>
            <source>Export SVG…</source>
            <translation>导出 SVG…</translation>
        </message>
        <message>
            <source>Export PNG…</source>
            <translation>导出 PNG…</translation>
        </message>
        <message>
            <source>{n} feature maps · {stages} stages</source>
            <translation>{n} 个特征图 · {stages} 个阶段</translation>
        </message>
        <message>
            <source>{n} error(s): maps after them are missing</source>
            <translation>{n} 个错误：其后的特征图缺失</translation>
        </message>
        <message>
            <source>SVG image (*.svg)</source>
            <translation>SVG 图像 (*.svg)</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <source>Export diagram</source>
            <translation>导出结构图</translation>
        </message>
        <message>
            <source>Diagram not saved: {error}</source>
            <translation>结构图未保存：{error}</translation>
        </message>
        <message>
            <source>Diagram saved to {path}</source>
            <translation>结构图已保存到 {path}</translation>
        </message>
        <message>
            <source>&lt;opened&gt;</source>
            <translation>&lt;打开时&gt;</translation>
        </message>
        <message>
            <source>Every edit, oldest first: click a line to return to that state</source>
            <translation>每一次编辑，最早的在前：点击一行即可回到那个状态</translation>
        </message>
        <message>
            <source>Select a layer on the canvas to edit its parameters.</source>
            <translation>在画布上选择一个层，即可编辑它的参数。</translation>
        </message>
        <message>
            <source>{n} layers selected.</source>
            <translation>已选择 {n} 个层。</translation>
        </message>
        <message>
            <source>A readable name for this layer (the id stays the same)</source>
            <translation>这个层的易读名称（id 保持不变）</translation>
        </message>
        <message>
            <source>Name</source>
            <comment>layer name</comment>
            <translation>名称</translation>
        </message>
        <message>
            <source>Output &lt;b&gt;{shape}&lt;/b&gt;</source>
            <translation>输出 &lt;b&gt;{shape}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Input {shapes}</source>
            <translation>输入 {shapes}</translation>
        </message>
        <message>
            <source>{n} params</source>
            <translation>{n} 个参数</translation>
        </message>
        <message>
            <source>{n} MACs</source>
            <translation>{n} 次乘加（MACs）</translation>
        </message>
        <message>
            <source>&lt;b&gt;Error:&lt;/b&gt; {message}</source>
            <translation>&lt;b&gt;错误：&lt;/b&gt;{message}</translation>
        </message>
        <message>
            <source>&lt;b&gt;Warning:&lt;/b&gt; {message}</source>
            <translation>&lt;b&gt;警告：&lt;/b&gt;{message}</translation>
        </message>
        <message>
            <source>Apply this fix (undoable)</source>
            <translation>应用这个修复（可撤销）</translation>
        </message>
        <message>
            <source>Applied: {fix} (Ctrl+Z undoes)</source>
            <translation>已应用：{fix}（Ctrl+Z 撤销）</translation>
        </message>
        <message>
            <source>Filter layers…</source>
            <translation>筛选层…</translation>
        </message>
        <message>
            <source>Drag onto the canvas, or double-click to add it.</source>
            <translation>拖到画布上，或双击添加。</translation>
        </message>
        <message>
            <source>My blocks</source>
            <translation>我的模块</translation>
        </message>
        <message>
            <source>{n} saved block files skipped</source>
            <translation>跳过了 {n} 个已保存的模块文件</translation>
        </message>
        <message>
            <source>{n} saved block file skipped</source>
            <translation>跳过了 {n} 个已保存的模块文件</translation>
        </message>
        <message>
            <source>your block of {n} layers</source>
            <translation>你的模块，共 {n} 层</translation>
        </message>
        <message>
            <source>your block of {n} layer</source>
            <translation>你的模块，共 {n} 层</translation>
        </message>
        <message>
            <source>Drag onto the canvas, or double-click: it goes below the selected layer and is fed by it.</source>
            <translation>拖到画布上，或双击：它会放在所选层的下方，并以该层的输出作为输入。</translation>
        </message>
        <message>
            <source>Insert</source>
            <translation>插入</translation>
        </message>
        <message>
            <source>Delete block '{name}'…</source>
            <translation>删除模块“{name}”…</translation>
        </message>
        <message>
            <source>Delete block</source>
            <translation>删除模块</translation>
        </message>
        <message>
            <source>Delete the saved block '{name}'? Layers already inserted stay.</source>
            <translation>删除已保存的模块“{name}”？已经插入的层会保留。</translation>
        </message>
        <message>
            <source>Cannot delete block</source>
            <translation>无法删除模块</translation>
        </message>
        <message>
            <source>'{name}' needs a value</source>
            <translation>“{name}”需要一个值</translation>
        </message>
        <message>
            <source>'{text}' is not a whole number: type e.g. 3 or 3, 5 or {choices}</source>
            <translation>“{text}”不是整数：请输入例如 3 或 3, 5 或 {choices}</translation>
        </message>
        <message>
            <source>'{text}' is not a whole number: type e.g. 3 or 3, 5</source>
            <translation>“{text}”不是整数：请输入例如 3 或 3, 5</translation>
        </message>
        <message>
            <source>'{name}' takes {a} or {b} numbers, not {n}</source>
            <translation>“{name}”接受 {a} 个或 {b} 个数，而不是 {n} 个</translation>
        </message>
        <message>
            <source>auto</source>
            <comment>parameter value</comment>
            <translation>自动</translation>
        </message>
        <message>
            <source>e.g. 2 or 1, 2 or same</source>
            <translation>例如 2 或 1, 2 或 same</translation>
        </message>
        <message>
            <source>e.g. 1 or 1, 1, 2, 2</source>
            <translation>例如 1 或 1, 1, 2, 2</translation>
        </message>
        <message>
            <source>e.g. 3 or 3, 5</source>
            <translation>例如 3 或 3, 5</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>No problems: the network is valid.</source>
            <translation>没有问题：网络有效。</translation>
        </message>
        <message>
            <source>(graph)</source>
            <translation>（图）</translation>
        </message>
        <message>
            <source>error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>Type</source>
            <comment>layer type</comment>
            <translation>类型</translation>
        </message>
        <message>
            <source>Output shape</source>
            <translation>输出形状</translation>
        </message>
        <message>
            <source>Params</source>
            <comment>column</comment>
            <translation>参数</translation>
        </message>
        <message>
            <source>MACs</source>
            <comment>column</comment>
            <translation>MACs</translation>
        </message>
        <message>
            <source>Receptive field</source>
            <translation>感受野</translation>
        </message>
        <message>
            <source>Jump</source>
            <comment>receptive field</comment>
            <translation>跳步</translation>
        </message>
        <message>
            <source>Trainable</source>
            <translation>可训练</translation>
        </message>
        <message>
            <source>Receptive field: how many input pixels one output pixel of this layer depends on (the largest over all paths). Jump: how many input pixels apart two neighbouring output pixels are. r_out = r_in + (K − 1)·D·j_in, j_out = j_in·S</source>
            <translation>感受野：这一层的一个输出像素依赖输入图像中多少个像素（取所有路径中最大的）。跳步：相邻两个输出像素在输入图像上相隔多少个像素。r_out = r_in + (K − 1)·D·j_in，j_out = j_in·S</translation>
        </message>
        <message>
            <source>no (frozen)</source>
            <translation>否（已冻结）</translation>
        </message>
        <message>
            <source>yes</source>
            <comment>trainable</comment>
            <translation>是</translation>
        </message>
        <message>
            <source>whole image</source>
            <translation>整幅图像</translation>
        </message>
        <message>
            <source>batch </source>
            <comment>spin box prefix</comment>
            <translation>批大小 </translation>
        </message>
        <message>
            <source>Batch size for the memory estimate</source>
            <translation>用于估算内存的批大小</translation>
        </message>
        <message>
            <source> + &lt;b&gt;{n}&lt;/b&gt; frozen</source>
            <translation> + &lt;b&gt;{n}&lt;/b&gt; 个冻结参数</translation>
        </message>
        <message>
            <source>&lt;b&gt;{layers}&lt;/b&gt; layers · output {output} · &lt;b&gt;{trainable}&lt;/b&gt; trainable params{frozen} ({param_bytes}) · {buffers} buffers · &lt;b&gt;{macs}&lt;/b&gt; MACs per image · activations {activations} for batch {batch} (training ≈ {training})</source>
            <translation>&lt;b&gt;{layers}&lt;/b&gt; 层 · 输出 {output} · &lt;b&gt;{trainable}&lt;/b&gt; 个可训练参数{frozen}（{param_bytes}）· {buffers} 个缓冲量 · 每张图像 &lt;b&gt;{macs}&lt;/b&gt; 次乘加（MACs）· 批大小 {batch} 时激活值占 {activations}（训练时约 {training}）</translation>
        </message>
        <message>
            <source>Training</source>
            <extracomment>``--tab`` names (lower case, hyphens) of the training tabs → the controller attribute</extracomment>
            <translation>训练</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>运行记录</translation>
        </message>
        <message>
            <source>Evaluate</source>
            <translation>评估</translation>
        </message>
        <message>
            <source>Inference</source>
            <translation>推理</translation>
        </message>
        <message>
            <source>Gradient flow</source>
            <translation>梯度流</translation>
        </message>
        <message>
            <source>Run {run}: {n} epochs, final train loss {loss} (recorded)</source>
            <translation>运行 {run}：{n} 轮，最终训练损失 {loss}（已记录）</translation>
        </message>
        <message>
            <source>Run {run}: {n} epochs, final train loss {loss}, val acc {val_acc}% (recorded)</source>
            <translation>运行 {run}：{n} 轮，最终训练损失 {loss}，验证准确率 {val_acc}%（已记录）</translation>
        </message>
        <message>
            <source> · {n} kernels of {ci}×{kh}×{kw}</source>
            <translation> · {n} 个 {ci}×{kh}×{kw} 的卷积核</translation>
        </message>
        <message>
            <source>Open an image: every layer's feature maps appear here, in network order.</source>
            <translation>打开一张图像：每一层的特征图会按网络顺序显示在这里。</translation>
        </message>
        <message>
            <source>The input as the model sees it; hover a map pixel: its receptive field</source>
            <translation>模型看到的输入；鼠标悬停在特征图的像素上：显示它的感受野</translation>
        </message>
        <message>
            <source>Open the full arithmetic →</source>
            <translation>打开完整的计算过程 →</translation>
        </message>
        <message>
            <source>&lt;b&gt;Input&lt;/b&gt; (hover a map: its receptive field)</source>
            <translation>&lt;b&gt;输入&lt;/b&gt;（悬停在特征图上：显示感受野）</translation>
        </message>
        <message>
            <source>&lt;b&gt;Selected map&lt;/b&gt;</source>
            <translation>&lt;b&gt;选中的特征图&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Cannot run the image through the model: {reason}</source>
            <translation>无法让图像通过模型：{reason}</translation>
        </message>
        <message>
            <source>{layers} layers, {maps} feature maps (each on its own range: bright = strong). Click a map: its edges, kernels and that pixel's arithmetic.</source>
            <translation>{layers} 层，{maps} 个特征图（各自按自己的取值范围显示：越亮 = 越强）。点击一个特征图：显示它的连线、卷积核和该像素的计算过程。</translation>
        </message>
        <message>
            <source>{name} has no kernel: {type} computes each pixel from its inputs (the outlined maps).</source>
            <translation>{name} 没有卷积核：{type} 由它的输入（描边的特征图）计算每个像素。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Kernel {c} of {name}&lt;/b&gt;: {n} slice(s) of {kh}×{kw}, one per input map (first {first} of {n} shown); red &amp;gt; 0, blue &amp;lt; 0</source>
            <translation>&lt;b&gt;{name} 的卷积核 {c}&lt;/b&gt;：{n} 个 {kh}×{kw} 的切片，每个输入特征图一个（只显示 {n} 个中的前 {first} 个）；红 &amp;gt; 0，蓝 &amp;lt; 0</translation>
        </message>
        <message>
            <source>&lt;b&gt;Kernel {c} of {name}&lt;/b&gt;: {n} slice(s) of {kh}×{kw}, one per input map; red &amp;gt; 0, blue &amp;lt; 0</source>
            <translation>&lt;b&gt;{name} 的卷积核 {c}&lt;/b&gt;：{n} 个 {kh}×{kw} 的切片，每个输入特征图一个；红 &amp;gt; 0，蓝 &amp;lt; 0</translation>
        </message>
        <message>
            <source>{at} = {value}: the normalised input pixel.</source>
            <translation>{at} = {value}：归一化后的输入像素。</translation>
        </message>
        <message>
            <source>{at} = Σ over {n} input map(s) of patch·kernel = {sum}, + bias {bias} = {value} (the model: {model})</source>
            <translation>{at} = 对 {n} 个输入特征图求和 Σ 局部块·卷积核 = {sum}，+ 偏置 {bias} = {value}（模型算出：{model}）</translation>
        </message>
        <message>
            <source>{at} = {value} (the model: {model}); double-click for the steps</source>
            <translation>{at} = {value}（模型算出：{model}）；双击查看步骤</translation>
        </message>
        <message>
            <source>rows {top}–{bottom}, columns {left}–{right} of the input ({h}×{w} pixels)</source>
            <translation>输入的第 {top}–{bottom} 行、第 {left}–{right} 列（{h}×{w} 像素）</translation>
        </message>
        <message>
            <source>The graph has {n} error(s); fix them first (see Problems). First: {first}</source>
            <translation>图中有 {n} 个错误，请先修正（见“问题”）。第一个：{first}</translation>
        </message>
        <message>
            <source>loading data…</source>
            <translation>正在加载数据…</translation>
        </message>
        <message>
            <source>{train} train / {val} val images · {params} parameters</source>
            <translation>训练图像 {train} 张 / 验证图像 {val} 张 · {params} 个参数</translation>
        </message>
        <message>
            <source>the run ended without a message.</source>
            <translation>运行已结束，但没有留下任何消息。</translation>
        </message>
        <message>
            <source>Training failed: {message}</source>
            <translation>训练失败：{message}</translation>
        </message>
        <message>
            <source>Training failed</source>
            <translation>训练失败</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>the graph was edited since: this run trains the snapshot taken at Start</source>
            <translation>此后图已被编辑：本次运行训练的是开始训练时保存的快照</translation>
        </message>
        <message>
            <source>Ready: press Train to train the current graph.</source>
            <translation>就绪：按“训练”训练当前的图。</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>{state} (graph version {version}, {n} epoch(s))</source>
            <translation>{state}（图版本 {version}，{n} 轮）</translation>
        </message>
        <message>
            <source>val</source>
            <translation>验证</translation>
        </message>
        <message>
            <source>train</source>
            <translation>训练</translation>
        </message>
        <message>
            <source>{state} (graph version {version}, {n} epoch(s), best {split} acc {acc}%)</source>
            <translation>{state}（图版本 {version}，{n} 轮，最佳{split}准确率 {acc}%）</translation>
        </message>
        <message>
            <source>Paused: graph version {version} on {device}</source>
            <translation>已暂停：图版本 {version}（设备：{device}）</translation>
        </message>
        <message>
            <source>Paused: graph version {version}</source>
            <translation>已暂停：图版本 {version}</translation>
        </message>
        <message>
            <source>Stopping graph version {version} on {device}</source>
            <translation>正在停止：图版本 {version}（设备：{device}）</translation>
        </message>
        <message>
            <source>Stopping graph version {version}</source>
            <translation>正在停止：图版本 {version}</translation>
        </message>
        <message>
            <source>Training graph version {version} on {device}</source>
            <translation>正在训练：图版本 {version}（设备：{device}）</translation>
        </message>
        <message>
            <source>Training graph version {version}</source>
            <translation>正在训练：图版本 {version}</translation>
        </message>
        <message>
            <source>the dataset has {n} channel(s) but the Input node takes {m}</source>
            <translation>数据集有 {n} 个通道，但 Input 节点接收 {m} 个</translation>
        </message>
        <message>
            <source>the dataset has {n} classes but the model outputs {m}</source>
            <translation>数据集有 {n} 个类别，但模型输出 {m} 个</translation>
        </message>
        <message>
            <source>the project expects {n} classes, the dataset has {m}</source>
            <translation>项目设定为 {n} 个类别，而数据集有 {m} 个</translation>
        </message>
        <message>
            <source>Adapt the model to the dataset</source>
            <translation>使模型适配数据集</translation>
        </message>
        <message>
            <source>Set classes to {n}</source>
            <translation>将类别数设为 {n}</translation>
        </message>
        <message>
            <source>Dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <source>folder with the data</source>
            <translation>存放数据的文件夹</translation>
        </message>
        <message>
            <source>Random crop after padding by this many pixels (0 = off)</source>
            <translation>先在四周填充这么多像素，再随机裁剪（0 = 关闭）</translation>
        </message>
        <message>
            <source>Horizontal flip</source>
            <translation>水平翻转</translation>
        </message>
        <message>
            <source>Crop padding</source>
            <translation>裁剪填充</translation>
        </message>
        <message>
            <source>Rotation</source>
            <translation>旋转</translation>
        </message>
        <message>
            <source>Colour jitter</source>
            <translation>颜色抖动</translation>
        </message>
        <message>
            <source>Load &amp;&amp; preview</source>
            <translation>加载 &amp;&amp; 预览</translation>
        </message>
        <message>
            <source>Press “Load &amp; preview” to see samples and check the model fits.</source>
            <translation>按“加载 &amp; 预览”查看样本，并检查模型与数据集是否匹配。</translation>
        </message>
        <message>
            <source>Adapt the model</source>
            <translation>适配模型</translation>
        </message>
        <message>
            <source>Set the Input channels and the last Linear's outputs (undoable)</source>
            <translation>设置 Input 的通道数和最后一个 Linear 的输出数（可撤销）</translation>
        </message>
        <message>
            <source>Dataset folder</source>
            <translation>数据集文件夹</translation>
        </message>
        <message>
            <source>The model needs exactly one Input node before a dataset can be loaded.</source>
            <translation>加载数据集之前，模型必须恰好有一个 Input 节点。</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Cannot load the dataset: {message}</source>
            <translation>无法加载数据集：{message}</translation>
        </message>
        <message>
            <source>{n} classes · {train} train · {val} val · {channels} channel(s)</source>
            <translation>{n} 个类别 · 训练 {train} · 验证 {val} · {channels} 个通道</translation>
        </message>
        <message>
            <source>{n} classes · {train} train · {val} val · {test} test · {channels} channel(s)</source>
            <translation>{n} 个类别 · 训练 {train} · 验证 {val} · 测试 {test} · {channels} 个通道</translation>
        </message>
        <message>
            <source>The model does not fit the dataset: {problems}.</source>
            <translation>模型与数据集不匹配：{problems}。</translation>
        </message>
        <message>
            <source>✔ The model fits the dataset.</source>
            <translation>✔ 模型与数据集匹配。</translation>
        </message>
        <message>
            <source>the dataset has no images to evaluate on</source>
            <translation>数据集中没有可用于评估的图像</translation>
        </message>
        <message>
            <source>No checkpoint yet: train a model, or open a checkpoint.</source>
            <translation>还没有检查点：请训练一个模型，或打开一个检查点。</translation>
        </message>
        <message>
            <source>Open checkpoint…</source>
            <translation>打开检查点…</translation>
        </message>
        <message>
            <source>Validation set</source>
            <translation>验证集</translation>
        </message>
        <message>
            <source>Test set</source>
            <translation>测试集</translation>
        </message>
        <message>
            <source>Rows: true class · columns: predicted class. Click a cell to see its images.</source>
            <translation>行：真实类别 · 列：预测类别。点击一个单元格，查看其中的图像。</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>精确率</translation>
        </message>
        <message>
            <source>Recall</source>
            <translation>召回率</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>图像数</translation>
        </message>
        <message>
            <source>Click a cell of the matrix to list its images.</source>
            <translation>点击矩阵中的一个单元格，列出其中的图像。</translation>
        </message>
        <message>
            <source>Click an image above: its logits, softmax, one-hot label and cross-entropy</source>
            <translation>点击上方的一张图像：查看它的 logits、softmax、独热编码标签和交叉熵</translation>
        </message>
        <message>
            <source>Checkpoint: {path}</source>
            <translation>检查点：{path}</translation>
        </message>
        <message>
            <source>No checkpoint.</source>
            <translation>没有检查点。</translation>
        </message>
        <message>
            <source>Open checkpoint</source>
            <translation>打开检查点</translation>
        </message>
        <message>
            <source>Checkpoints (*.pt)</source>
            <translation>检查点 (*.pt)</translation>
        </message>
        <message>
            <source>Evaluating…</source>
            <translation>正在评估…</translation>
        </message>
        <message>
            <source>Cannot evaluate: {reason}</source>
            <translation>无法评估：{reason}</translation>
        </message>
        <message>
            <source>val</source>
            <comment>split</comment>
            <translation>验证</translation>
        </message>
        <message>
            <source>test</source>
            <comment>split</comment>
            <translation>测试</translation>
        </message>
        <message>
            <source>train</source>
            <comment>split</comment>
            <translation>训练</translation>
        </message>
        <message>
            <source>{split} set: {n} images · accuracy &lt;b&gt;{accuracy}%&lt;/b&gt; · {wrong} misclassified</source>
            <translation>{split}集：{n} 张图像 · 准确率 &lt;b&gt;{accuracy}%&lt;/b&gt; · 分错 {wrong} 张</translation>
        </message>
        <message>
            <source>true {true}, predicted {pred}: {count} ({percent}% of {true})</source>
            <translation>真实 {true}，预测为 {pred}：{count}（占 {true} 的 {percent}%）</translation>
        </message>
        <message>
            <source>Click a cell of the matrix to list its images (off the diagonal: the mistakes); click an image for its output and loss.</source>
            <translation>点击矩阵中的一个单元格，列出其中的图像（对角线以外：分错的）；点击一张图像，查看它的输出和损失。</translation>
        </message>
        <message>
            <source>{n} image(s) of {true} correctly classified as {pred}</source>
            <translation>{n} 张真实类别为 {true} 的图像被正确分类为 {pred}</translation>
        </message>
        <message>
            <source>{n} image(s) of {true} misclassified as {pred}</source>
            <translation>{n} 张真实类别为 {true} 的图像被错分为 {pred}</translation>
        </message>
        <message>
            <source> (first {n} shown)</source>
            <translation>（只显示前 {n} 张）</translation>
        </message>
        <message>
            <source>image {i}: true {true}, predicted {pred}</source>
            <translation>图像 {i}：真实 {true}，预测为 {pred}</translation>
        </message>
        <message>
            <source>{name} · {n} maps · {size}</source>
            <extracomment>graph layer types whose feature maps are listed (and explained pixel by pixel)</extracomment>
            <translation>{name} · {n} 个特征图 · {size}</translation>
        </message>
        <message>
            <source>A convolution, pooling or activation of the trained graph (or select one on the canvas); click a pixel of a map to see how it was computed</source>
            <translation>训练好的网络中的一个卷积、池化或激活层（也可以在画布上选中一个）；点击特征图中的一个像素，查看它是怎样算出来的</translation>
        </message>
        <message>
            <source>Open an image to see what each convolution responds to.</source>
            <translation>打开一张图像，看看每个卷积对什么有响应。</translation>
        </message>
        <message>
            <source>Filters of the first convolution</source>
            <translation>第一个卷积层的卷积核</translation>
        </message>
        <message>
            <source>Feature maps of</source>
            <translation>特征图来自</translation>
        </message>
        <message>
            <source>Filters of the first convolution ({node}: {shape})</source>
            <translation>第一个卷积层的卷积核（{node}：{shape}）</translation>
        </message>
        <message>
            <source>Train a model or open a checkpoint with a convolution to see feature maps.</source>
            <translation>训练一个模型，或打开一个含卷积层的检查点，即可查看特征图。</translation>
        </message>
        <message>
            <source>Open or drop an image to see the feature maps.</source>
            <translation>打开或拖入一张图像，即可查看特征图。</translation>
        </message>
        <message>
            <source>Cannot compute the feature maps of {node}: {reason}</source>
            <translation>无法计算 {node} 的特征图：{reason}</translation>
        </message>
        <message>
            <source>{node}: {c} feature maps of {h}×{w} (each rescaled to its own range; bright = strong). Click a pixel to see how it was computed.</source>
            <translation>{node}：{c} 个 {h}×{w} 的特征图（各自按自己的取值范围缩放；越亮 = 越强）。点击一个像素，查看它是怎样算出来的。</translation>
        </message>
        <message>
            <source>Cannot explain {node}'s pixels: {reason}</source>
            <translation>无法解释 {node} 的像素：{reason}</translation>
        </message>
        <message>
            <source>The layer whose feature maps are weighed by the gradient of the class score</source>
            <translation>用类别分数的梯度给其特征图加权的层</translation>
        </message>
        <message>
            <source>Open a checkpoint and an image in this tab to see what the model looks at.</source>
            <translation>在本页打开一个检查点和一张图像，查看模型在看哪里。</translation>
        </message>
        <message>
            <source>Layer:</source>
            <translation>层：</translation>
        </message>
        <message>
            <source>No Grad-CAM: {reason}</source>
            <translation>无法生成 Grad-CAM：{reason}</translation>
        </message>
        <message>
            <source>class &lt;b&gt;{name}&lt;/b&gt; (the true class chosen in Output &amp; loss)</source>
            <translation>类别 &lt;b&gt;{name}&lt;/b&gt;（在“输出与损失”中选定的真实类别）</translation>
        </message>
        <message>
            <source>class &lt;b&gt;{name}&lt;/b&gt; (the predicted class)</source>
            <translation>类别 &lt;b&gt;{name}&lt;/b&gt;（预测的类别）</translation>
        </message>
        <message>
            <source>Grad-CAM at {node} ({h}×{w}): ReLU(Σ_c α_c·A_c), α_c = the mean of ∂score/∂A_c over the map.
Red: where the score of {name} comes from; blue: no evidence for it (colours scaled to the largest value, {top}).
Pick an earlier layer for a finer map; choose the true class in Output &amp; loss to see the evidence for it.</source>
            <translation>{node} 层的 Grad-CAM（{h}×{w}）：ReLU(Σ_c α_c·A_c)，α_c = ∂score/∂A_c 在整张特征图上的平均值。
红色：{name} 的分数来自哪里；蓝色：没有支持它的证据（颜色按最大值 {top} 缩放）。
选择更靠前的层可得到更精细的图；在“输出与损失”中选择真实类别，可查看支持它的证据。</translation>
        </message>
        <message>
            <source>Layer statistics</source>
            <translation>层统计量</translation>
        </message>
        <message>
            <source> Heat map: </source>
            <translation> 热力图：</translation>
        </message>
        <message>
            <source>   Colour the canvas by: </source>
            <translation>   画布着色依据：</translation>
        </message>
        <message>
            <source>nothing</source>
            <comment>colour the canvas by</comment>
            <translation>不着色</translation>
        </message>
        <message>
            <source>Layer statistics appear here while a network trains (a sample every few steps).</source>
            <translation>网络训练时，这里显示各层的统计量（每隔几步采样一次）。</translation>
        </message>
        <message>
            <source>sample (training step)</source>
            <translation>采样点（训练步数）</translation>
        </message>
        <message>
            <source>{layers} layers × {samples} samples (steps {first}–{last}); {metric}: {lo} … {hi}</source>
            <translation>{layers} 层 × {samples} 个采样点（第 {first}–{last} 步）；{metric}：{lo} … {hi}</translation>
        </message>
        <message>
            <source>Apple GPU (MPS)</source>
            <translation>Apple GPU（MPS）</translation>
        </message>
        <message>
            <source>CPU ({n} threads)</source>
            <translation>CPU（{n} 个线程）</translation>
        </message>
        <message>
            <source>Automatic: {device}</source>
            <translation>自动：{device}</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Scale every step's gradients down so that their global L2 norm is at most this value (their direction is kept); 0 = off. A remedy for exploding gradients.</source>
            <translation>把每一步的梯度整体按比例缩小，使其全局 L2 范数不超过此值（方向保持不变）；0 表示关闭。用于应对梯度爆炸。</translation>
        </message>
        <message>
            <source>Open image…</source>
            <translation>打开图像…</translation>
        </message>
        <message>
            <source>Drop an image here
or use “Open image…”</source>
            <translation>把图像拖到这里
或使用“打开图像…”</translation>
        </message>
        <message>
            <source>As the model sees it</source>
            <translation>模型看到的样子</translation>
        </message>
        <message>
            <source>Your image</source>
            <translation>你的图像</translation>
        </message>
        <message>
            <source>&lt;b&gt;Top-5 classes&lt;/b&gt;</source>
            <translation>&lt;b&gt;Top-5 类别&lt;/b&gt;</translation>
        </message>
        <message>
            <source>◂ Image</source>
            <translation>◂ 图像</translation>
        </message>
        <message>
            <source>Show or fold the image and top-5 column (more room for the explain views)</source>
            <translation>显示或收起图像与 Top-5 一栏（给解释视图留出更多空间）</translation>
        </message>
        <message>
            <source>▸ Image</source>
            <translation>▸ 图像</translation>
        </message>
        <message>
            <source>Cannot open {name}: {reason}</source>
            <translation>无法打开 {name}：{reason}</translation>
        </message>
        <message>
            <source>Open a checkpoint (or train a model) to classify the image.</source>
            <translation>打开一个检查点（或训练一个模型），即可对这张图像分类。</translation>
        </message>
        <message>
            <source>Cannot classify {name}: {reason}</source>
            <translation>无法对 {name} 分类：{reason}</translation>
        </message>
        <message>
            <source>As the model sees it: {c}×{h}×{w}, normalised (shown rescaled)</source>
            <translation>模型看到的样子：{c}×{h}×{w}，已归一化（显示时重新缩放）</translation>
        </message>
        <message>
            <source>Open image</source>
            <translation>打开图像</translation>
        </message>
        <message>
            <source>Images ({patterns})</source>
            <translation>图像 ({patterns})</translation>
        </message>
        <message>
            <source>The true class of this image: gives the one-hot vector y and the loss</source>
            <translation>这张图像的真实类别：由它得到独热编码向量 y 和损失</translation>
        </message>
        <message>
            <source>&lt;b&gt;Output &amp; loss&lt;/b&gt;: open an image to see how the scores become probabilities.</source>
            <translation>&lt;b&gt;输出与损失&lt;/b&gt;：打开一张图像，看分数如何变成概率。</translation>
        </message>
        <message>
            <source>True class:</source>
            <translation>真实类别：</translation>
        </message>
        <message>
            <source>Why a distribution?</source>
            <translation>为什么是分布？</translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation>（未知）</translation>
        </message>
        <message>
            <source>&lt;b&gt;Output &amp; loss&lt;/b&gt;: the network's {n} scores (logits) z, turned into probabilities by softmax p_i = e^(z_i) / Σ_j e^(z_j) (showing the top 20 of {n} classes)</source>
            <translation>&lt;b&gt;输出与损失&lt;/b&gt;：网络的 {n} 个分数（logits）z，经 softmax p_i = e^(z_i) / Σ_j e^(z_j) 变成概率（只显示 {n} 个类别中的前 20 个）</translation>
        </message>
        <message>
            <source>&lt;b&gt;Output &amp; loss&lt;/b&gt;: the network's {n} scores (logits) z, turned into probabilities by softmax p_i = e^(z_i) / Σ_j e^(z_j)</source>
            <translation>&lt;b&gt;输出与损失&lt;/b&gt;：网络的 {n} 个分数（logits）z，经 softmax p_i = e^(z_i) / Σ_j e^(z_j) 变成概率</translation>
        </message>
        <message>
            <source>Σ e^(z{shift}) = &lt;b&gt;{sum}&lt;/b&gt; · the probabilities sum to &lt;b&gt;{total}&lt;/b&gt; · predicted: &lt;b&gt;{name}&lt;/b&gt;</source>
            <translation>Σ e^(z{shift}) = &lt;b&gt;{sum}&lt;/b&gt; · 概率之和为 &lt;b&gt;{total}&lt;/b&gt; · 预测：&lt;b&gt;{name}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Choose the true class to see the one-hot label y and the cross-entropy loss. (A model that guesses scores ln {n} = {chance}.)</source>
            <translation>选择真实类别，查看独热编码标签 y 和交叉熵损失。（随机猜测的模型得分为 ln {n} = {chance}。）</translation>
        </message>
        <message>
            <source>cross-entropy = −Σ y_i·log p_i = −log p&lt;sub&gt;{name}&lt;/sub&gt; = −log {p} = &lt;b&gt;{ce}&lt;/b&gt; (only the true class's term is non-zero; chance level ln {n} = {chance})</source>
            <translation>交叉熵 = −Σ y_i·log p_i = −log p&lt;sub&gt;{name}&lt;/sub&gt; = −log {p} = &lt;b&gt;{ce}&lt;/b&gt;（只有真实类别那一项不为零；随机猜测水平 ln {n} = {chance}）</translation>
        </message>
        <message>
            <source>Output: softmax of the logits (top classes)</source>
            <translation>输出：logits 的 softmax（概率最高的类别）</translation>
        </message>
        <message>
            <source>▶ Train</source>
            <translation>▶ 训练</translation>
        </message>
        <message>
            <source>Train a snapshot of the current graph (edits made meanwhile do not affect it)</source>
            <translation>训练当前图的快照（训练期间所做的编辑不影响本次训练）</translation>
        </message>
        <message>
            <source>■ Stop</source>
            <translation>■ 停止</translation>
        </message>
        <message>
            <source>Stop after the current step; the last checkpoint is kept</source>
            <translation>在当前这一步完成后停止；保留最后的检查点</translation>
        </message>
        <message>
            <source>epoch %p%</source>
            <translation>本轮 %p%</translation>
        </message>
        <message>
            <source>run %p%</source>
            <translation>总进度 %p%</translation>
        </message>
        <message>
            <source>Save PNG…</source>
            <translation>保存 PNG…</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>The project's settings have problems; the defaults are shown in their place: {problems}</source>
            <extracomment>narrower than this, the two boxes stack (scrolling) so the plots keep their room</extracomment>
            <translation>项目的设置有问题，已用默认值代替显示：{problems}</translation>
        </message>
        <message>
            <source>epoch {epoch}/{epochs}: %p%</source>
            <translation>第 {epoch}/{epochs} 轮：%p%</translation>
        </message>
        <message>
            <source>loss {loss} · {rate} samples/s · elapsed {elapsed} · ETA {eta}</source>
            <translation>损失 {loss} · {rate} 样本/秒 · 已用 {elapsed} · 剩余 {eta}</translation>
        </message>
        <message>
            <source>Epoch {epoch}/{epochs}: train loss {loss}, train acc {acc}%</source>
            <translation>第 {epoch}/{epochs} 轮：训练损失 {loss}，训练准确率 {acc}%</translation>
        </message>
        <message>
            <source>Epoch {epoch}/{epochs}: train loss {loss}, train acc {acc}%, val loss {val_loss}, val acc {val_acc}%</source>
            <translation>第 {epoch}/{epochs} 轮：训练损失 {loss}，训练准确率 {acc}%，验证损失 {val_loss}，验证准确率 {val_acc}%</translation>
        </message>
        <message>
            <source>Save plots</source>
            <translation>保存曲线图</translation>
        </message>
        <message>
            <source>Cannot save the plots: {error}</source>
            <translation>无法保存曲线图：{error}</translation>
        </message>
        <message>
            <source>Export metrics</source>
            <translation>导出指标</translation>
        </message>
        <message>
            <source>pad</source>
            <translation>填充</translation>
        </message>
        <message>
            <source>Click a pixel of a feature map to see how it was computed.</source>
            <translation>点击特征图中的一个像素，查看它是怎样算出来的。</translation>
        </message>
        <message>
            <source>The input channel drawn on the left (the tables list every channel)</source>
            <translation>左侧画出的输入通道（表格列出每个通道）</translation>
        </message>
        <message>
            <source>Move the window over the input, one stride at a time</source>
            <translation>在输入上移动窗口，每次移动一个步幅</translation>
        </message>
        <message>
            <source>▶ Slide</source>
            <translation>▶ 滑动</translation>
        </message>
        <message>
            <source>Animate the window moving with the layer's stride</source>
            <translation>用动画演示窗口按该层的步幅移动</translation>
        </message>
        <message>
            <source>Input channel</source>
            <translation>输入通道</translation>
        </message>
        <message>
            <source>channel {n}</source>
            <translation>通道 {n}</translation>
        </message>
        <message>
            <source>pre-activation: the convolution's own output, before any ReLU</source>
            <translation>激活前：卷积本身的输出，尚未经过 ReLU</translation>
        </message>
        <message>
            <source>max pooling</source>
            <translation>最大池化</translation>
        </message>
        <message>
            <source>average pooling</source>
            <translation>平均池化</translation>
        </message>
        <message>
            <source>batch norm, running statistics</source>
            <translation>批归一化，使用滑动平均统计量</translation>
        </message>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt; ({type}), feature map {c}, row {y}, column {x}: value &lt;b&gt;{value}&lt;/b&gt; ({what})</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt;（{type}），特征图 {c}，第 {y} 行，第 {x} 列：值 &lt;b&gt;{value}&lt;/b&gt;（{what}）</translation>
        </message>
        <message>
            <source>({y}, {x}) of {h}×{w}</source>
            <translation>({y}, {x})，共 {h}×{w}</translation>
        </message>
        <message>
            <source>&lt;b&gt;input channel {n}&lt;/b&gt;: patch ⊙ kernel = products, Σ = {sum}</source>
            <translation>&lt;b&gt;输入通道 {n}&lt;/b&gt;：局部块 ⊙ 卷积核 = 乘积，Σ = {sum}</translation>
        </message>
        <message>
            <source>patch (grey: padding)</source>
            <translation>局部块（灰色：填充）</translation>
        </message>
        <message>
            <source>kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <source>products (cell by cell)</source>
            <translation>乘积（逐格相乘）</translation>
        </message>
        <message>
            <source>… and {n} more input channels, their sums together: {sum}</source>
            <translation>… 另外还有 {n} 个输入通道，它们的和加起来为 {sum}</translation>
        </message>
        <message>
            <source>Σ products = {sum}; + bias {bias} = &lt;b&gt;{value}&lt;/b&gt;</source>
            <translation>Σ 乘积 = {sum}；+ 偏置 {bias} = &lt;b&gt;{value}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Σ over the {n} input channels = {sums} = {sum}; + bias {bias} = &lt;b&gt;{value}&lt;/b&gt;</source>
            <translation>对 {n} 个输入通道求和 Σ = {sums} = {sum}；+ 偏置 {bias} = &lt;b&gt;{value}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>window (grey: padding)</source>
            <translation>窗口（灰色：填充）</translation>
        </message>
        <message>
            <source>max of the window = &lt;b&gt;{value}&lt;/b&gt; (no weights: pooling has nothing to learn)</source>
            <translation>窗口内的最大值 = &lt;b&gt;{value}&lt;/b&gt;（没有权重：池化没有要学习的东西）</translation>
        </message>
        <message>
            <source>sum {sum} / {divisor} = &lt;b&gt;{value}&lt;/b&gt; (no weights)</source>
            <translation>和 {sum} / {divisor} = &lt;b&gt;{value}&lt;/b&gt;（没有权重）</translation>
        </message>
        <message>
            <source>f(x) = {function} with x = {x} → &lt;b&gt;{value}&lt;/b&gt;</source>
            <translation>f(x) = {function}，x = {x} → &lt;b&gt;{value}&lt;/b&gt;</translation>
        </message>
        <message>
            <source> (negatives become 0)</source>
            <translation>（负数变为 0）</translation>
        </message>
        <message>
            <source> (positive: passes unchanged)</source>
            <translation>（正数：原样通过）</translation>
        </message>
        <message>
            <source>{equation} — equals the feature map's value {value} (difference {difference})</source>
            <translation>{equation} —— 等于特征图中的值 {value}（差 {difference}）</translation>
        </message>
        <message>
            <source>{equation} — differs from the feature map's value {value} (difference {difference})</source>
            <translation>{equation} —— 与特征图中的值 {value} 不同（差 {difference}）</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <source>cross-entropy</source>
            <translation>交叉熵</translation>
        </message>
        <message>
            <source>Accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>train (recent)</source>
            <translation>训练（近期）</translation>
        </message>
        <message>
            <source>train (smoothed)</source>
            <translation>训练（平滑）</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>验证</translation>
        </message>
        <message>
            <source>chance: ln {n} = {value}</source>
            <translation>随机猜测：ln {n} = {value}</translation>
        </message>
        <message>
            <source>+ connection {a} → {b}</source>
            <translation>+ 连接 {a} → {b}</translation>
        </message>
        <message>
            <source>- connection {a} → {b}</source>
            <translation>- 连接 {a} → {b}</translation>
        </message>
        <message>
            <source>params</source>
            <translation>参数量</translation>
        </message>
        <message>
            <source>macs</source>
            <comment>multiply-accumulates</comment>
            <translation>乘加次数</translation>
        </message>
        <message>
            <source>Graph diff [1] → [2]</source>
            <translation>图的差异 [1] → [2]</translation>
        </message>
        <message>
            <source>same layers</source>
            <translation>各层均相同</translation>
        </message>
        <message>
            <source>&lt;b&gt;Settings&lt;/b&gt; (changed in bold)</source>
            <translation>&lt;b&gt;设置&lt;/b&gt;（有改动的以粗体显示）</translation>
        </message>
        <message>
            <source>running</source>
            <comment>run status</comment>
            <translation>运行中</translation>
        </message>
        <message>
            <source>finished</source>
            <comment>run status</comment>
            <translation>已完成</translation>
        </message>
        <message>
            <source>stopped</source>
            <comment>run status</comment>
            <translation>已停止</translation>
        </message>
        <message>
            <source>failed</source>
            <comment>run status</comment>
            <translation>失败</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <source>Evaluate &amp;&amp; try best.pt</source>
            <translation>评估 &amp;&amp; 试用 best.pt</translation>
        </message>
        <message>
            <source>Show diff on canvas</source>
            <translation>在画布上显示差异</translation>
        </message>
        <message>
            <source>Badges on the canvas: + added, ~ changed (second run vs first)</source>
            <translation>画布上的标记：+ 新增，~ 改动（第二次运行相对第一次）</translation>
        </message>
        <message>
            <source>Select a run to see its settings and checkpoints; select two to compare.</source>
            <translation>选择一次运行以查看其设置和检查点；选择两次运行可进行比较。</translation>
        </message>
        <message>
            <source>Loss per epoch</source>
            <translation>每轮损失</translation>
        </message>
        <message>
            <source>Accuracy per epoch (%)</source>
            <translation>每轮准确率（%）</translation>
        </message>
        <message>
            <source>{acc}% (train)</source>
            <translation>{acc}%（训练集）</translation>
        </message>
        <message>
            <source>&lt;b&gt;{run}&lt;/b&gt; — {model} on {data} · {status}</source>
            <translation>&lt;b&gt;{run}&lt;/b&gt; — {model}，在 {data} 上训练 · {status}</translation>
        </message>
        <message>
            <source>model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>{epochs} epochs · batch {batch} · {optimizer} lr {lr} · schedule {scheduler} · wd {wd} · seed {seed} · device {device}</source>
            <translation>{epochs} 轮 · 批大小 {batch} · 优化器 {optimizer} · 学习率 {lr} · 调度 {scheduler} · 权重衰减 {wd} · 随机种子 {seed} · 设备 {device}</translation>
        </message>
        <message>
            <source>final: {metrics}</source>
            <translation>最终：{metrics}</translation>
        </message>
        <message>
            <source>checkpoints: {list}</source>
            <translation>检查点：{list}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>{n} layers</source>
            <translation>{n} 个层</translation>
        </message>
        <message>
            <source>Freeze {what}</source>
            <translation>冻结 {what}</translation>
        </message>
        <message>
            <source>Unfreeze {what}</source>
            <translation>解冻 {what}</translation>
        </message>
        <message>
            <source>Frozen: its weights (and BatchNorm statistics) stay as loaded during training</source>
            <translation>已冻结：训练期间其权重（以及 BatchNorm 统计量）保持加载时的值</translation>
        </message>
        <message>
            <source>Frozen (keep its weights while training)</source>
            <translation>冻结（训练时保持其权重不变）</translation>
        </message>
        <message>
            <source>A frozen layer keeps the weights it starts with (e.g. from File → Load weights…); a frozen BatchNorm keeps its running statistics.</source>
            <translation>冻结的层保持其初始权重（例如来自“文件 → 加载权重…”）；冻结的 BatchNorm 保持其滑动统计量。</translation>
        </message>
        <message>
            <source>{trainable} trainable · {frozen} frozen</source>
            <translation>可训练 {trainable} · 已冻结 {frozen}</translation>
        </message>
        <message>
            <source>Frozen layers: {text}</source>
            <translation>冻结的层：{text}</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>File → Load weights…: start training from a weights file (.pth, checkpoint)</source>
            <translation>文件 → 加载权重…：从权重文件（.pth、检查点）开始训练</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Clear the weights file</source>
            <translation>清除权重文件</translation>
        </message>
        <message>
            <source>Lock layers on the canvas (right click → Freeze, or the Inspector's box)</source>
            <translation>在画布上锁定层（右键 → 冻结，或勾选检查器中的复选框）</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从不</translation>
        </message>
        <message>
            <source> epochs</source>
            <translation> 轮</translation>
        </message>
        <message>
            <source>Fine-tune schedule: train only the unfrozen layers (the head) for K epochs, then every layer</source>
            <translation>微调计划：先只训练未冻结的层（分类头）K 轮，然后训练所有层</translation>
        </message>
        <message>
            <source>e.g. layer1=0.1, layer4=0.5</source>
            <translation>例如 layer1=0.1, layer4=0.5</translation>
        </message>
        <message>
            <source>Discriminative learning rates: the rate of these layers (names or prefixes) is multiplied by the factor</source>
            <translation>分层学习率：这些层（名称或前缀）的学习率乘以给定的倍数</translation>
        </message>
        <message>
            <source>Frozen layers</source>
            <translation>冻结的层</translation>
        </message>
        <message>
            <source>Unfreeze after</source>
            <translation>几轮后解冻</translation>
        </message>
        <message>
            <source>LR multipliers</source>
            <translation>学习率倍率</translation>
        </message>
        <message>
            <source>Unfreeze after {n} epochs</source>
            <translation>{n} 轮后解冻</translation>
        </message>
        <message>
            <source>Never unfreeze</source>
            <translation>从不解冻</translation>
        </message>
        <message>
            <source>Set learning-rate multipliers</source>
            <translation>设置学习率倍率</translation>
        </message>
        <message>
            <source>Load &amp;weights…</source>
            <translation>加载权重(&amp;W)…</translation>
        </message>
        <message>
            <source>Start training from a weights file (torchvision .pth, a checkpoint): matched by name and shape</source>
            <translation>从权重文件（torchvision 的 .pth、检查点）开始训练：按名称和形状匹配</translation>
        </message>
        <message>
            <source>Save as te&amp;mplate…</source>
            <translation>另存为模板(&amp;M)…</translation>
        </message>
        <message>
            <source>Keep the whole network as one of your templates (New from template, cnn-studio templates)</source>
            <translation>把整个网络保存为你自己的模板（“从模板新建”，cnn-studio templates）</translation>
        </message>
    </context>
    <context>
        <name>Concepts</name>
        <message>
            <source>Classification vs regression</source>
            <extracomment>id -&gt; (text, misconception) as marked for translation: templates whose {names} are _V's numbers</extracomment>
            <translation>分类与回归</translation>
        </message>
        <message>
            <source>Regression predicts a number (a y for an x); classification predicts which of C classes an input belongs to, as one score per class. Only the output and the loss differ; the layers before them are the same.</source>
            <translation>回归预测一个数（给定 x，预测 y）；分类预测输入属于 C 个类别中的哪一个，每个类别输出一个分数。两者只有输出和损失不同，前面的各层完全一样。</translation>
        </message>
        <message>
            <source>Inference → Output &amp; loss: one score per class</source>
            <translation>推理 → 输出 &amp; 损失：每个类别一个分数</translation>
        </message>
        <message>
            <source>One-hot label</source>
            <translation>独热编码标签</translation>
        </message>
        <message>
            <source>The true class as a vector with a 1 at its index and 0 elsewhere: class 3 of 10 is [0,0,0,1,0,0,0,0,0,0]. It already is a probability distribution (all the mass on the true class): it is the target the prediction is compared with.</source>
            <translation>把真实类别写成一个向量：该类别的下标处为 1，其余都为 0，例如 10 个类别中的类别 3 是 [0,0,0,1,0,0,0,0,0,0]。它本身就是一个概率分布（全部概率都在真实类别上），是预测要与之比较的目标。</translation>
        </message>
        <message>
            <source>Inference → Output &amp; loss: choose the true class, see y</source>
            <translation>推理 → 输出 &amp; 损失：选择真实类别，查看 y</translation>
        </message>
        <message>
            <source>The label needs no softmax: softmax([1, 0, 0, 0]) = {softmax_onehot}, which would blur the label. Softmax is applied to the network's scores only.</source>
            <translation>标签不需要 softmax：softmax([1, 0, 0, 0]) = {softmax_onehot}，反而会把标签变模糊。Softmax 只作用于网络输出的分数。</translation>
        </message>
        <message>
            <source>Softmax: scores → probabilities</source>
            <translation>Softmax：分数 → 概率</translation>
        </message>
        <message>
            <source>The network's last layer gives one score (logit) z_i per class. Softmax turns them into a distribution p_i = e^(z_i) / Σ_j e^(z_j): every p_i &gt; 0, they sum to 1, and each depends on all the scores (it is not element-wise).</source>
            <translation>网络的最后一层为每个类别给出一个分数（logit）z_i。Softmax 把它们变成一个概率分布 p_i = e^(z_i) / Σ_j e^(z_j)：每个 p_i &gt; 0，总和为 1，并且每个 p_i 都取决于全部分数（它不是逐元素运算）。</translation>
        </message>
        <message>
            <source>Inference → Output &amp; loss: logits, e^z, Σ and p for your image</source>
            <translation>推理 → 输出 &amp; 损失：你的图像的 logits、e^z、Σ 和 p</translation>
        </message>
        <message>
            <source>Softmax turns the prediction (logits) into probabilities; the one-hot label is already a distribution (softmax([1, 0, 0, 0]) = {softmax_onehot}). nn.CrossEntropyLoss applies log-softmax itself: give it raw logits.</source>
            <translation>Softmax 把预测（logits）变成概率；独热编码标签本身已经是概率分布（softmax([1, 0, 0, 0]) = {softmax_onehot}）。nn.CrossEntropyLoss 内部自带 log-softmax：直接把原始 logits 交给它。</translation>
        </message>
        <message>
            <source>Cross-entropy loss</source>
            <translation>交叉熵损失</translation>
        </message>
        <message>
            <source>The loss between the one-hot label y and the prediction p: −Σ y_i·log p_i. Only the true class has y = 1, so it is −log p_true: 0 when the model is sure and right, large when it is sure and wrong. An untrained 10-class model scores about ln 10 = {ln10}.</source>
            <translation>独热编码标签 y 与预测 p 之间的损失：−Σ y_i·log p_i。只有真实类别的 y = 1，所以它就是 −log p_true：模型有把握且预测正确时为 0，有把握却预测错误时很大。未经训练的 10 类模型，损失约为 ln 10 = {ln10}。</translation>
        </message>
        <message>
            <source>Inference → Output &amp; loss with the true class chosen</source>
            <translation>推理 → 输出 &amp; 损失（选定真实类别）</translation>
        </message>
        <message>
            <source>Why a distribution, not a class number</source>
            <translation>为什么输出概率分布，而不是类别编号</translation>
        </message>
        <message>
            <source>Classes have no order: '7' is not between '6' and '8' for a classifier, so an output that is 'closest to a class number' would invent distances. One score per class, a softmax and the index of the largest probability (argmax) give the class.</source>
            <translation>类别之间没有顺序：对分类器来说，“7”并不在“6”和“8”之间，所以“最接近某个类别编号”的输出会凭空捏造出距离。每个类别一个分数，经过 softmax，再取最大概率的下标（argmax），就得到类别。</translation>
        </message>
        <message>
            <source>Inference → Output &amp; loss</source>
            <translation>推理 → 输出 &amp; 损失</translation>
        </message>
        <message>
            <source>Not 'output one number and take the nearest class': one score per class, argmax.</source>
            <translation>不是“输出一个数，再取最近的类别”：而是每个类别一个分数，取 argmax。</translation>
        </message>
        <message>
            <source>Where the loss starts: ln C</source>
            <translation>损失从哪里开始：ln C</translation>
        </message>
        <message>
            <source>Before training the probabilities are nearly equal, 1/C each, so the loss is −log(1/C) = ln C (ln 10 = {ln10}). The loss plot marks it; a run that stays there learns nothing.</source>
            <translation>训练之前，各类别的概率几乎相等，都约为 1/C，所以损失为 −log(1/C) = ln C（ln 10 = {ln10}）。损失曲线上标出了这条线；一直停在那里的训练什么也没有学到。</translation>
        </message>
        <message>
            <source>Training: the dashed chance line on the loss plot</source>
            <translation>训练：损失曲线上表示随机猜测水平的虚线</translation>
        </message>
        <message>
            <source>Fully connected layer: y = Wx + b</source>
            <translation>全连接层：y = Wx + b</translation>
        </message>
        <message>
            <source>nn.Linear(in, out) multiplies the input vector by a weight matrix W (out × in) and adds a bias b: in·out + out parameters. LeNet-5's fc1 maps 400 features to 120: {lenet_fc1_params} parameters. Stacked Linear layers need a non-linearity between them, or they are one matrix.</source>
            <translation>nn.Linear(in, out) 用权重矩阵 W（out × in）乘以输入向量，再加上偏置 b：共 in·out + out 个参数。LeNet-5 的 fc1 把 400 个特征映射为 120 个：{lenet_fc1_params} 个参数。堆叠的 Linear 层之间必须有非线性激活函数，否则它们合起来只是一个矩阵。</translation>
        </message>
        <message>
            <source>Select a Linear layer: the Inspector fills in in·out + out</source>
            <translation>选中一个 Linear 层：检查器代入 in·out + out</translation>
        </message>
        <message>
            <source>Linear does not 'freely change the matrix dimensions': it maps a vector of in_features to out_features, and needs the exact in_features it receives.</source>
            <translation>Linear 并不能“随意转换矩阵的维度”：它把 in_features 维的向量映射为 out_features 维，并且收到的输入必须恰好是 in_features 维。</translation>
        </message>
        <message>
            <source>Flatten: maps → one vector</source>
            <translation>展平：特征图 → 一个向量</translation>
        </message>
        <message>
            <source>Before the first Linear, the C×H×W feature maps are laid out as one vector of C·H·W values: LeNet-5's 16×5×5 maps become {flat} features. Nothing is learned or lost; only the shape changes.</source>
            <translation>在第一个 Linear 之前，C×H×W 的特征图被排成一个含 C·H·W 个值的向量：LeNet-5 的 16×5×5 特征图变成 {flat} 个特征。这一步不学习任何东西，也不丢失任何信息，只改变形状。</translation>
        </message>
        <message>
            <source>Select the Flatten layer: the Inspector shows C·H·W</source>
            <translation>选中 Flatten 层：检查器显示 C·H·W</translation>
        </message>
        <message>
            <source>Convolution layer and its kernel</source>
            <translation>卷积层 / 卷积核</translation>
        </message>
        <message>
            <source>A kernel of K×K×C_in weights slides over the input; at each position the patch times the kernel, summed, plus a bias, gives one output pixel. The kernel has the depth (厚度) of its input.</source>
            <translation>一个含 K×K×C_in 个权重的卷积核在输入上滑动；在每个位置，输入块与卷积核逐元素相乘、求和、再加上偏置，得到一个输出像素。卷积核的厚度等于其输入的通道数。</translation>
        </message>
        <message>
            <source>Inference → Feature maps: click a pixel of a convolution</source>
            <translation>推理 → 特征图：点击卷积层输出中的一个像素</translation>
        </message>
        <message>
            <source>Conv2d(a, b, c): in, out, kernel</source>
            <translation>Conv2d(a, b, c)：输入通道、输出通道、卷积核</translation>
        </message>
        <message>
            <source>nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0): nn.Conv2d(3, 64, 3) reads 3 channels and writes 64 maps with 3×3 kernels.</source>
            <translation>nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0)，依次为输入通道数、输出通道数、卷积核大小、步幅和填充：nn.Conv2d(3, 64, 3) 读入 3 个通道，用 3×3 的卷积核输出 64 张特征图。</translation>
        </message>
        <message>
            <source>Select a Conv2d: its parameters in the Inspector</source>
            <translation>选中一个 Conv2d：在检查器中查看它的参数</translation>
        </message>
        <message>
            <source>The three numbers are in_channels, out_channels and kernel_size, not channels, height and width.</source>
            <translation>这三个数分别是 in_channels（输入通道数）、out_channels（输出通道数）和 kernel_size（卷积核大小），而不是通道数、高度和宽度。</translation>
        </message>
        <message>
            <source>Output size of a convolution</source>
            <translation>卷积输出尺寸</translation>
        </message>
        <message>
            <source>For input size I, kernel K, padding P, stride S: O = floor((I − K + 2P)/S) + 1 (PyTorch's general form adds dilation and ceil_mode). LeNet's conv1: floor((32 − 5 + 0)/1) + 1 = {lenet_conv1_out}.</source>
            <translation>输入尺寸为 I、卷积核为 K、填充为 P、步幅为 S 时：O = floor((I − K + 2P)/S) + 1（PyTorch 的一般形式还包含 dilation 和 ceil_mode）。LeNet 的 conv1：floor((32 − 5 + 0)/1) + 1 = {lenet_conv1_out}。</translation>
        </message>
        <message>
            <source>Select a Conv2d: the Inspector fills in the formula</source>
            <translation>选中一个 Conv2d：检查器代入公式</translation>
        </message>
        <message>
            <source>Parameters of a convolution</source>
            <translation>卷积核参数量</translation>
        </message>
        <message>
            <source>Each of the C_out kernels is K×K×C_in weights plus one bias: params = K·K·C_in·C_out + C_out. LeNet's conv2: 5·5·6·16 + 16 = {lenet_conv2_params}. The size of the image does not matter.</source>
            <translation>C_out 个卷积核中，每个都有 K×K×C_in 个权重和 1 个偏置：参数量 = K·K·C_in·C_out + C_out。LeNet 的 conv2：5·5·6·16 + 16 = {lenet_conv2_params}。参数量与图像大小无关。</translation>
        </message>
        <message>
            <source>Select a Conv2d: Inspector and the Summary's Params column</source>
            <translation>选中一个 Conv2d：看检查器和概要表的“参数”列</translation>
        </message>
        <message>
            <source>One kernel → one feature map</source>
            <translation>一个卷积核 → 一张特征图</translation>
        </message>
        <message>
            <source>A kernel slides over the input; at each position the patch times the kernel, summed, plus the bias gives one pixel. All positions of one kernel make one feature map, so C_out kernels make C_out maps.</source>
            <translation>卷积核在输入上滑动；在每个位置，输入块与卷积核逐元素相乘、求和、再加上偏置，得到一个像素。同一个卷积核在所有位置的结果组成一张特征图，所以 C_out 个卷积核得到 C_out 张特征图。</translation>
        </message>
        <message>
            <source>Inference → Overview: every layer's maps for your image; click one</source>
            <translation>推理 → 总览：你的图像在每一层的特征图；点击其中一张</translation>
        </message>
        <message>
            <source>Zero padding</source>
            <translation>零填充</translation>
        </message>
        <message>
            <source>Zeros added around the input so the kernel can be centred on border pixels: padding P adds P rows and P columns on every side (2P in all each way); a 3×3 kernel, stride 1, padding 1 keeps the size (28 → {pad_out}).</source>
            <translation>在输入四周补零，让卷积核也能以边缘像素为中心：填充 P 在上下左右每一边各补 P 行或 P 列（每个方向共多出 2P）；3×3 卷积核、步幅 1、填充 1 时尺寸不变（28 → {pad_out}）。</translation>
        </message>
        <message>
            <source>A padded layer: Inspector; its border pixels in Feature maps</source>
            <translation>带填充的层：看检查器；在特征图中看它的边缘像素</translation>
        </message>
        <message>
            <source>The zero is added to the normalised input, so it is the mean colour, not black: with ImageNet's mean and std a padding zero is the RGB grey {grey}.</source>
            <translation>补的 0 加在归一化之后的输入上，所以它代表的是平均颜色，而不是黑色：按 ImageNet 的均值和标准差，填充的 0 相当于 RGB 灰色 {grey}。</translation>
        </message>
        <message>
            <source>Stride: a step larger than 1</source>
            <translation>步幅：每步移动不止 1 个像素</translation>
        </message>
        <message>
            <source>The kernel moves S pixels at a time, so the map shrinks about S times each way: a 3×3 conv with padding 1 and stride 2 turns 32×32 into {stride2_out}×{stride2_out}. One of two ways to down-sample; unlike pooling it is learned with the kernel.</source>
            <translation>卷积核每次移动 S 个像素，所以特征图在每个方向上大约缩小为 1/S：3×3 卷积、填充 1、步幅 2 把 32×32 变成 {stride2_out}×{stride2_out}。这是两种下采样方法之一；与池化不同，它随卷积核一起学习。</translation>
        </message>
        <message>
            <source>Select a Conv2d and set stride 2: H_out in the Inspector</source>
            <translation>选中一个 Conv2d，把步幅设为 2：在检查器中看 H_out</translation>
        </message>
        <message>
            <source>A strided convolution does not add computation compared with stride 1: it computes S² times fewer outputs. What it loses are the skipped positions.</source>
            <translation>与步幅 1 相比，带步幅的卷积并不会增加计算量：它要计算的输出少了 S² 倍。它丢失的是被跳过的那些位置。</translation>
        </message>
        <message>
            <source>Pooling has no parameters</source>
            <translation>池化层没有参数</translation>
        </message>
        <message>
            <source>Max pooling keeps the largest value of each window, average pooling the mean; nothing is learned (params = 0). With a 2×2 window and stride 2 the map halves (28 → {pool2_out}). MaxPool2d(3, 2) is a 3×3 window moved 2 pixels at a time.</source>
            <translation>最大池化保留每个窗口中的最大值，平均池化取平均值；没有任何需要学习的东西（参数量 = 0）。2×2 窗口、步幅 2 时特征图减半（28 → {pool2_out}）。MaxPool2d(3, 2) 表示 3×3 的窗口，每次移动 2 个像素。</translation>
        </message>
        <message>
            <source>Select a pooling layer; click a pixel of its maps in Inference</source>
            <translation>选中一个池化层；在推理中点击它的特征图上的一个像素</translation>
        </message>
        <message>
            <source>MaxPool2d(7) looks at a 7×7 window, {pool7} values, not 7.</source>
            <translation>MaxPool2d(7) 看的是 7×7 的窗口，共 {pool7} 个值，而不是 7 个。</translation>
        </message>
        <message>
            <source>Adaptive pooling: a fixed output size</source>
            <translation>自适应池化：固定的输出尺寸</translation>
        </message>
        <message>
            <source>AdaptiveAvgPool2d(O) computes its windows from the input size I: window i covers floor(i·I/O) … ceil((i+1)·I/O) − 1. For 13 → 6 (AlexNet) the rows are {adaptive}: overlapping windows of 3, so any input size gives O×O.</source>
            <translation>AdaptiveAvgPool2d(O) 根据输入尺寸 I 计算窗口：第 i 个窗口覆盖 floor(i·I/O) … ceil((i+1)·I/O) − 1。13 → 6（AlexNet）时各行的窗口为 {adaptive}：大小为 3、相互重叠，所以任何输入尺寸都得到 O×O。</translation>
        </message>
        <message>
            <source>Select an adaptive pool: the Inspector</source>
            <translation>选中一个自适应池化层：看检查器</translation>
        </message>
        <message>
            <source>Receptive field</source>
            <translation>感受野</translation>
        </message>
        <message>
            <source>How many input pixels one output pixel depends on: r_out = r_in + (K − 1)·D·j_in, growing with each conv and pool. VGG-16's last pool sees 212×212 pixels of a 224×224 image.</source>
            <translation>一个输出像素依赖多少个输入像素：r_out = r_in + (K − 1)·D·j_in，每经过一个卷积层或池化层就增大。VGG-16 的最后一个池化层能看到 224×224 图像中 212×212 的像素。</translation>
        </message>
        <message>
            <source>Summary: the Receptive field and Jump columns; hover a pixel in Overview</source>
            <translation>概要：“感受野”和“跳步”两列；在总览中把鼠标悬停在像素上</translation>
        </message>
        <message>
            <source>ReLU</source>
            <translation>ReLU 激活函数</translation>
        </message>
        <message>
            <source>f(x) = max(0, x): negatives become 0, positives pass unchanged, and its slope is 1 wherever it is positive, so gradients pass deep networks (AlexNet, 2012). Without a non-linearity between them, stacked layers would collapse into one linear map.</source>
            <translation>f(x) = max(0, x)：负值变为 0，正值原样通过；在正值区域斜率处处为 1，所以梯度能穿过很深的网络（AlexNet，2012）。如果层与层之间没有非线性，堆叠的层会退化成一个线性映射。</translation>
        </message>
        <message>
            <source>Inference → Feature maps of a ReLU: click a pixel</source>
            <translation>推理 → ReLU 的特征图：点击一个像素</translation>
        </message>
        <message>
            <source>Dropout</source>
            <translation>随机失活（Dropout）</translation>
        </message>
        <message>
            <source>While training each value is zeroed with probability p and the rest scaled by 1/(1 − p) (p = 0.5: ×2); in evaluation it does nothing. No parameters; it fights over-fitting (AlexNet).</source>
            <translation>训练时每个值以概率 p 被置零，其余的值乘以 1/(1 − p)（p = 0.5 时乘 2）；评估时它什么也不做。没有参数；用来缓解过拟合（AlexNet）。</translation>
        </message>
        <message>
            <source>A Dropout layer: the Inspector; the dropout experiment</source>
            <translation>Dropout 层：看检查器；以及 dropout 实验</translation>
        </message>
        <message>
            <source>Dropout zeroes activations (not neurons chosen once) anew at every step, and only while training.</source>
            <translation>Dropout 置零的是激活值（而不是一次性选定的神经元），每一步都重新随机选取，并且只在训练时生效。</translation>
        </message>
        <message>
            <source>Batch normalisation</source>
            <translation>批归一化</translation>
        </message>
        <message>
            <source>Each channel is normalised, y = γ·(x − μ)/√(σ² + ε) + β: μ, σ² of the batch while training, running averages at test time; γ and β are learned (2·C params). Ioffe &amp; Szegedy, 2015.</source>
            <translation>对每个通道做归一化，y = γ·(x − μ)/√(σ² + ε) + β：训练时 μ、σ² 取自当前批次，测试时使用滑动平均值；γ 和 β 是学习得到的参数（共 2·C 个）。Ioffe &amp; Szegedy，2015。</translation>
        </message>
        <message>
            <source>A BatchNorm layer: Inspector; its pixels in Inference</source>
            <translation>BatchNorm 层：看检查器；在推理中看它的像素</translation>
        </message>
        <message>
            <source>BatchNorm (2015) is not an AlexNet (2012) innovation: AlexNet used local response normalisation (LRN); VGG and ResNet-era nets use BN.</source>
            <translation>BatchNorm（2015）并不是 AlexNet（2012）的创新：AlexNet 用的是局部响应归一化（LRN）；VGG 和 ResNet 时代的网络才使用 BN（批归一化）。</translation>
        </message>
        <message>
            <source>Residual (skip) connection</source>
            <translation>残差连接（跳跃连接）</translation>
        </message>
        <message>
            <source>A block adds its input to its output, y = x + F(x): the maps must have the same shape (a 1×1 conv matches them when not). ∂y/∂x = 1 + F'(x), so the gradient has a path that never shrinks.</source>
            <translation>一个块把它的输入加到输出上，y = x + F(x)：两者的特征图形状必须相同（不同时用 1×1 卷积来匹配）。∂y/∂x = 1 + F'(x)，所以梯度总有一条不会衰减的通路。</translation>
        </message>
        <message>
            <source>An Add layer of a ResNet template; its two inputs in Inference → Overview</source>
            <translation>ResNet 模板中的 Add 层；在推理 → 总览中看它的两个输入</translation>
        </message>
        <message>
            <source>Small kernels stacked</source>
            <translation>小卷积核堆叠</translation>
        </message>
        <message>
            <source>Two 3×3 convs see {rf2}×{rf2} like one 5×5, three see {rf3}×{rf3} like one 7×7. For 64 → 64 channels: {two3} weights instead of {one5} ({save5} fewer) and {three3} instead of {one7} ({save7} fewer), with a ReLU between.</source>
            <translation>两个 3×3 卷积的感受野是 {rf2}×{rf2}，与一个 5×5 相同；三个则是 {rf3}×{rf3}，与一个 7×7 相同。64 → 64 个通道时：{two3} 个权重而不是 {one5}（少 {save5}），{three3} 个而不是 {one7}（少 {save7}），而且中间还多了 ReLU。</translation>
        </message>
        <message>
            <source>The small-kernels experiment; a conv after a conv in the Inspector</source>
            <translation>小卷积核实验；以及检查器中紧跟在卷积后面的卷积</translation>
        </message>
        <message>
            <source>Stacked small kernels SAVE parameters (18·C² &lt; 25·C²); they do not 'share' them: every kernel has its own weights.</source>
            <translation>堆叠小卷积核是“节省”参数（18·C² &lt; 25·C²），而不是“共享”参数：每个卷积核都有自己的权重。</translation>
        </message>
        <message>
            <source>Training, validation and test sets</source>
            <translation>训练集 / 验证集 / 测试集</translation>
        </message>
        <message>
            <source>The model learns from the training set; the validation set chooses settings and the best epoch; the test set is looked at once, at the end, for an honest score. The studio holds out 10% + 10% by default.</source>
            <translation>模型从训练集中学习；验证集用来选择设置和最好的一轮；测试集只在最后看一次，给出一个诚实的分数。cnn-studio 默认留出 10% + 10%。</translation>
        </message>
        <message>
            <source>Training → Dataset: the Validation and Test fractions</source>
            <translation>训练 → 数据集：验证集和测试集的比例</translation>
        </message>
        <message>
            <source>Gradient descent</source>
            <translation>梯度下降</translation>
        </message>
        <message>
            <source>Each step moves every weight against its gradient: w ← w − lr·∂L/∂w. With w = 2, ∂L/∂w = 0.5 and lr = 0.1: w becomes {gd_step}. The learning rate sets the step size.</source>
            <translation>每一步都让每个权重沿梯度的反方向移动：w ← w − lr·∂L/∂w。若 w = 2、∂L/∂w = 0.5、lr = 0.1，则 w 变为 {gd_step}。学习率决定步长。</translation>
        </message>
        <message>
            <source>Training: the learning rate, and the loss falling step by step</source>
            <translation>训练：学习率，以及一步步下降的损失</translation>
        </message>
        <message>
            <source>Forward and backward pass</source>
            <translation>前向传播 / 反向传播</translation>
        </message>
        <message>
            <source>Forward: input → layers → loss. Backward (loss.backward()): the chain rule from the loss back to the input, giving ∂L/∂w for every weight; the optimiser's step() then updates them.</source>
            <translation>前向：输入 → 各层 → 损失。反向（loss.backward()）：用链式法则从损失一路求回输入，得到每个权重的 ∂L/∂w；然后由优化器的 step() 更新这些权重。</translation>
        </message>
        <message>
            <source>Gradient flow: each layer's gradient norm while training</source>
            <translation>梯度流：训练时每一层的梯度范数</translation>
        </message>
        <message>
            <source>Vanishing gradients</source>
            <translation>梯度消失</translation>
        </message>
        <message>
            <source>Backprop multiplies one factor per layer. Sigmoid's slope is at most {sig_slope}, so 20 layers can shrink the gradient by {sig20}: the first layers stop learning. ReLU with He initialisation, BatchNorm and residual connections keep the factors near 1.</source>
            <translation>反向传播每经过一层就乘上一个因子。Sigmoid 的斜率最大只有 {sig_slope}，所以 20 层就可能把梯度缩小到原来的 {sig20}：前面的层不再学习。ReLU 配合 He 初始化、BatchNorm 和残差连接能让这些因子保持在 1 附近。</translation>
        </message>
        <message>
            <source>The vanishing-gradients experiment: the per-layer gradient plot</source>
            <translation>梯度消失实验：逐层梯度图</translation>
        </message>
        <message>
            <source>Exploding gradients</source>
            <translation>梯度爆炸</translation>
        </message>
        <message>
            <source>The same product with factors above 1 grows: 1.5 per layer over 20 layers is ×{grow20}. Weights jump, the loss becomes NaN or Inf. Gradient clipping, a lower learning rate, BatchNorm or a careful initialisation stop it.</source>
            <translation>同样的连乘，因子大于 1 时就会增长：每层 1.5，经过 20 层就是 ×{grow20}。权重剧烈跳动，损失变成 NaN 或 Inf。梯度裁剪、更小的学习率、BatchNorm 或谨慎的初始化可以阻止它。</translation>
        </message>
        <message>
            <source>The exploding-gradients experiment: the NaN loss, and BatchNorm</source>
            <translation>梯度爆炸实验：NaN 损失，以及 BatchNorm</translation>
        </message>
        <message>
            <source>LeNet-5 (1998)</source>
            <translation>LeNet-5（1998 年）</translation>
        </message>
        <message>
            <source>LeCun et al.: conv → pool → conv → pool → three fully connected layers, for 32×32 digits; {lenet_total} parameters as built here. The pattern every later CNN follows.</source>
            <translation>LeCun 等人：卷积 → 池化 → 卷积 → 池化 → 三个全连接层，用于 32×32 的数字图片；按这里的搭法共 {lenet_total} 个参数。之后的每个 CNN 都沿用这一模式。</translation>
        </message>
        <message>
            <source>File → New from template: LeNet-5's card and counts</source>
            <translation>文件 → 从模板新建：LeNet-5 的卡片和参数统计</translation>
        </message>
        <message>
            <source>AlexNet (2012)</source>
            <translation>AlexNet（2012 年）</translation>
        </message>
        <message>
            <source>Krizhevsky, Sutskever, Hinton won ImageNet 2012 with 8 layers on two GPUs: ReLU instead of tanh (faster training), dropout in the fully connected layers, overlapping max pooling (3, 2), data augmentation, and local response normalisation (LRN, not BatchNorm).</source>
            <translation>Krizhevsky、Sutskever 和 Hinton 用一个在两块 GPU 上训练的 8 层网络赢得了 ImageNet 2012：用 ReLU 代替 tanh（训练更快），在全连接层中使用 Dropout，重叠的最大池化（3, 2），数据增强，以及局部响应归一化（LRN，不是 BatchNorm）。</translation>
        </message>
        <message>
            <source>File → New from template: AlexNet's card; the relu-vs-tanh experiment</source>
            <translation>文件 → 从模板新建：AlexNet 的卡片；以及 relu-vs-tanh 实验</translation>
        </message>
        <message>
            <source>AlexNet's normalisation was LRN; BatchNorm came three years later (2015).</source>
            <translation>AlexNet 的归一化是 LRN；BatchNorm 三年后（2015）才出现。</translation>
        </message>
        <message>
            <source>ZFNet (2013)</source>
            <translation>ZFNet（2013 年）</translation>
        </message>
        <message>
            <source>Zeiler &amp; Fergus visualised what each layer of AlexNet responds to, saw dead and aliased first-layer filters, and fixed them: conv1 7×7 with stride 2 instead of 11×11 with stride 4.</source>
            <translation>Zeiler &amp; Fergus 把 AlexNet 每一层响应的内容可视化，发现第一层有失效和混叠的滤波器，并加以修正：conv1 改为 7×7、步幅 2，而不是 11×11、步幅 4。</translation>
        </message>
        <message>
            <source>Inference → Overview: what every layer responds to, as Zeiler &amp; Fergus did</source>
            <translation>推理 → 总览：像 Zeiler &amp; Fergus 那样，看每一层对什么有响应</translation>
        </message>
        <message>
            <source>VGG (2014)</source>
            <translation>VGG（2014 年）</translation>
        </message>
        <message>
            <source>Simonyan &amp; Zisserman: only 3×3 convolutions and 2×2 pools, stacked 16 or 19 layers deep; small kernels save parameters for the same receptive field (see small kernels).</source>
            <translation>Simonyan &amp; Zisserman：只用 3×3 卷积和 2×2 池化，堆叠到 16 或 19 层深；在感受野相同的情况下，小卷积核更省参数（见“小卷积核堆叠”）。</translation>
        </message>
        <message>
            <source>File → New from template: VGG-16's card</source>
            <translation>文件 → 从模板新建：VGG-16 的卡片</translation>
        </message>
        <message>
            <source>ResNet (2015)</source>
            <translation>ResNet（2015 年）</translation>
        </message>
        <message>
            <source>He et al.: deeper plain networks trained worse (degradation, not over-fitting). Residual blocks x + F(x) fixed it: 152 layers won ImageNet 2015.</source>
            <translation>He 等人：更深的普通网络反而训练得更差（这是退化问题，不是过拟合）。残差块 x + F(x) 解决了这个问题：152 层的网络赢得了 ImageNet 2015。</translation>
        </message>
        <message>
            <source>An Add layer of a ResNet template; the degradation experiment</source>
            <translation>ResNet 模板中的 Add 层；以及退化实验</translation>
        </message>
        <message>
            <source>Not so:</source>
            <extracomment>ids of the first Help → Concepts, kept so that old links still open the labels around a concept's texts (Help → Concepts and ``concepts --lang zh``)</extracomment>
            <translation>纠正误区：</translation>
        </message>
        <message>
            <source>Show me: {link}</source>
            <translation>动手看看：{link}</translation>
        </message>
        <message>
            <source>(the notes: {note})</source>
            <translation>（笔记原文：{note}）</translation>
        </message>
        <message>
            <source>Shown in the studio: {link}</source>
            <translation>在 cnn-studio 中查看：{link}</translation>
        </message>
        <message>
            <source>resnet18 or vgg11_bn</source>
            <extracomment>where a network that lacks a layer type can find one</extracomment>
            <translation>resnet18 或 vgg11_bn</translation>
        </message>
        <message>
            <source>resnet18 (padded convolutions)</source>
            <translation>resnet18（带填充的卷积）</translation>
        </message>
        <message>
            <source>Add (skip connection)</source>
            <translation>Add 层（残差连接）</translation>
        </message>
        <message>
            <source>pooling layer</source>
            <translation>池化层</translation>
        </message>
        <message>
            <source>adaptive pooling layer</source>
            <translation>自适应池化层</translation>
        </message>
        <message>
            <source>ReLU on feature maps</source>
            <translation>作用在特征图上的 ReLU</translation>
        </message>
        <message>
            <source>convolution</source>
            <translation>卷积层</translation>
        </message>
        <message>
            <source>padded layer</source>
            <translation>带填充的层</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source> (e.g. {name} = {value})</source>
            <translation>（例如 {name} = {value}）</translation>
        </message>
        <message>
            <source>: set {name} to {value}</source>
            <translation>：请将{name}设为 {value}</translation>
        </message>
        <message>
            <source>: choose {value} for {name}</source>
            <translation>：请为{name}选择 {value}</translation>
        </message>
        <message>
            <source>: turn on {name}</source>
            <translation>：请打开{name}</translation>
        </message>
        <message>
            <source>: set {name} to the folder that holds it</source>
            <translation>：请将{name}设为存放它的文件夹</translation>
        </message>
        <message>
            <source>{where} should be an object, not {kind}</source>
            <translation>{where} 应为对象，而不是 {kind}</translation>
        </message>
        <message>
            <source>{where}: {error}</source>
            <translation>{where}：{error}</translation>
        </message>
        <message>
            <source>{where} is missing the field '{key}'</source>
            <translation>{where} 缺少字段 '{key}'</translation>
        </message>
        <message>
            <source>{where}: field '{key}' should be {want}, not {kind} ({value})</source>
            <translation>{where}：字段 '{key}' 应为 {want}，而不是 {kind}（{value}）</translation>
        </message>
        <message>
            <source>{source}: a project file holds a JSON object, not {kind}</source>
            <translation>{source}：项目文件应包含一个 JSON 对象，而不是 {kind}</translation>
        </message>
        <message>
            <source>{source} is not a cnn-studio project (its 'format' is {value}, expected '{format}')</source>
            <translation>{source} 不是 cnn-studio 项目（它的 'format' 是 {value}，应为 '{format}'）</translation>
        </message>
        <message>
            <source>{source} was written by a newer cnn-studio (format version {version}; this one reads up to {newest}): update cnn-studio to open it</source>
            <translation>{source} 是由更新版本的 cnn-studio 写入的（格式版本 {version}；当前版本最多只能读取 {newest}）：请升级 cnn-studio 后再打开这个项目</translation>
        </message>
        <message>
            <source>{source}: format version {version} is not valid</source>
            <translation>{source}：格式版本 {version} 无效</translation>
        </message>
        <message>
            <source>{source} has {n} layers; the window edits projects of up to {most} layers (drawing more would leave it unresponsive): use the command line (cnn-studio summary, export, train) for this one</source>
            <translation>{source} 有 {n} 层；窗口最多只能编辑 {most} 层的项目（画更多层会让窗口失去响应）：这个项目请使用命令行（cnn-studio summary、export、train）</translation>
        </message>
        <message>
            <source>{where}: unknown layer type '{type}' (known types: {known})</source>
            <translation>{where}：未知的层类型 '{type}'（已知类型：{known}）</translation>
        </message>
        <message>
            <source>{where}: 'pos' should be [x, y] numbers, not {value}</source>
            <translation>{where}：'pos' 应为 [x, y] 数值，而不是 {value}</translation>
        </message>
        <message>
            <source>{source}: num_classes is {n}; it must be at least 1</source>
            <translation>{source}：num_classes 为 {n}；类别数必须至少为 1</translation>
        </message>
        <message>
            <source>{source}: class_names should be a list of strings</source>
            <translation>{source}：class_names 应为字符串列表</translation>
        </message>
        <message>
            <source>{source}: input_shape {value} disagrees with the Input node ({shape}); make them equal or drop input_shape</source>
            <translation>{source}：input_shape {value} 与 Input 节点（{shape}）不一致；请让两者相同，或删除 input_shape</translation>
        </message>
        <message>
            <source>{source}: {path} holds a lone surrogate ({value}), which is not a character and cannot be saved as UTF-8: retype that text</source>
            <translation>{source}：{path} 含有孤立的代理码元（{value}），它不是字符，无法保存为 UTF-8：请重新输入这段文字</translation>
        </message>
        <message>
            <source>{source}: {path} is {value}, beyond 64 bits: no setting takes numbers that large (at most {most})</source>
            <translation>{source}：{path} 为 {value}，超出了 64 位：没有任何设置接受这么大的数（最大 {most}）</translation>
        </message>
        <message>
            <source>{source}: the key {key} in {path} holds a lone surrogate, which is not a character: retype it</source>
            <translation>{source}：{path} 中的键 {key} 含有孤立的代理码元，它不是字符：请重新输入</translation>
        </message>
        <message>
            <source>{where}: source '{id}' is not a node of the graph</source>
            <translation>{where}：源节点 '{id}' 不在图中</translation>
        </message>
        <message>
            <source>{where}: target '{id}' is not a node of the graph</source>
            <translation>{where}：目标节点 '{id}' 不在图中</translation>
        </message>
        <message>
            <source>{source}: graph.edges[{i}]: connecting '{a}' → '{b}' would make a cycle: '{b}' already feeds '{a}'</source>
            <translation>{source}：graph.edges[{i}]：连接 '{a}' → '{b}' 会形成环路：'{b}' 已经连到 '{a}'</translation>
        </message>
        <message>
            <source>cannot save {path}: it holds text that cannot be written as UTF-8</source>
            <translation>无法保存 {path}：其中有无法写成 UTF-8 的文字</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' must be a whole number, not {value}</source>
            <translation>{layer} 层的参数 '{param}' 必须是整数，而不是 {value}</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' is {value}; it must be above {lo} and at most {hi}</source>
            <translation>{layer} 层的参数 '{param}' 为 {value}；它必须大于 {lo} 且不超过 {hi}</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' is {value}; it must be above {lo}</source>
            <translation>{layer} 层的参数 '{param}' 为 {value}；它必须大于 {lo}</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' is {value}; it must be between {lo} and {hi}</source>
            <translation>{layer} 层的参数 '{param}' 为 {value}；它必须在 {lo} 到 {hi} 之间</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' is {value}; it must be at least {lo}</source>
            <translation>{layer} 层的参数 '{param}' 为 {value}；它必须至少为 {lo}</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' is {value}; it must be at most {hi}</source>
            <translation>{layer} 层的参数 '{param}' 为 {value}；它最多为 {hi}</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' is {value}; it must be any value</source>
            <translation>{layer} 层的参数 '{param}' 为 {value}；它可以取任意值</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' is missing (no value)</source>
            <translation>{layer} 层的参数 '{param}' 缺失（没有值）</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' must be a number, not {value}</source>
            <translation>{layer} 层的参数 '{param}' 必须是数值，而不是 {value}</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' must be true or false, not {value}</source>
            <translation>{layer} 层的参数 '{param}' 必须是 true 或 false，而不是 {value}</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' is {value}; choose one of {choices}</source>
            <translation>{layer} 层的参数 '{param}' 为 {value}；请从 {choices} 中选择一个</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' cannot be {value}</source>
            <translation>{layer} 层的参数 '{param}' 不能是 {value}</translation>
        </message>
        <message>
            <source>{layer} parameter '{param}' must be a whole number or a list of {n} whole numbers, not {value}</source>
            <translation>{layer} 层的参数 '{param}' 必须是一个整数或由 {n} 个整数组成的列表，而不是 {value}</translation>
        </message>
        <message>
            <source>{who} has no parameter '{param}' (it has: {known})</source>
            <extracomment>name of the torch.nn class (or None for Input/Add/Concat, handled by the compiler) every class ``torch_module`` may return (BatchNorm: BatchNorm1d and BatchNorm2d); empty means ``(torch_class,)`` the order of those classes' constructor keywords (torch's signature; a test compares): generated code writes the leading required ones positionally, ``nn.Conv2d(3, 64, ...)``. Empty: every keyword by name, in the order ``torch_module`` gives them a merge computed in ``forward`` from the layer's inputs, with no module: "add" (``a + b``), "concat" (``torch.cat([a, b], dim=1)``) or "multiply" (``a * b``); None for other layers False for the layers that build no torch module (the Input and the merges) the ``torch.nn`` classes (names) the importer reads as this layer, through :meth:`from_torch` the torch classes (names) the Explain view works out one output value of by hand: keys of ``studio.training.explain_layers.EXPLAINERS``, resolved there (this module has no torch)</extracomment>
            <translation>{who} 没有参数 '{param}'（它的参数有：{known}）</translation>
        </message>
        <message>
            <source>{who} needs an image (C×H×W) but receives a vector of {shape} features; place it before the Flatten</source>
            <translation>{who} 需要图像（C×H×W）输入，却收到了 {shape} 个特征组成的向量：请把它放到 Flatten 之前</translation>
        </message>
        <message>
            <source>{who} needs {what} but receives a vector of {shape} features; place it before the Flatten</source>
            <translation>{who} 需要 {what}，却收到了 {shape} 个特征组成的向量：请把它放到 Flatten 之前</translation>
        </message>
        <message>
            <source>unknown layer type '{type}' (known types: {known})</source>
            <translation>未知的层类型 '{type}'（已知类型：{known}）</translation>
        </message>
        <message>
            <source>The graph has no Input layer: add one and connect it to the first layer</source>
            <translation>图中没有 Input 层：请添加一个，并把它连接到第一层</translation>
        </message>
        <message>
            <source>The graph has {n} Input layers ({names}); a classifier takes one image: delete '{name}'</source>
            <translation>图中有 {n} 个 Input 层（{names}）；分类器只接收一幅图像：请删除 '{name}'</translation>
        </message>
        <message>
            <source>Delete '{name}'</source>
            <translation>删除 '{name}'</translation>
        </message>
        <message>
            <source>Cycle: {path}. A network must flow one way: remove one of these connections</source>
            <translation>出现环路：{path}。网络只能单向流动：请删除其中一条连接</translation>
        </message>
        <message>
            <source>{who} takes no input but has {n}: remove the connection</source>
            <translation>{who} 不接收输入，却连接了 {n} 个：请删除这条连接</translation>
        </message>
        <message>
            <source>{who} needs its input connected</source>
            <translation>{who} 需要连接输入：请把它的输入连接到前一层</translation>
        </message>
        <message>
            <source>{who} takes {lo} input but has {n}: remove the extra connections</source>
            <translation>{who} 只接收 {lo} 个输入，却连接了 {n} 个：请删除多余的连接</translation>
        </message>
        <message>
            <source>{who} needs at least {lo} inputs but has {n}: connect another branch into it</source>
            <translation>{who} 至少需要 {lo} 个输入，现在只有 {n} 个：请再连接一个分支</translation>
        </message>
        <message>
            <source>{who} has two connections into the same input</source>
            <translation>{who} 有两条连接接到了同一个输入上</translation>
        </message>
        <message>
            <source>{who} is not connected to the Input: connect its input to the layer before it</source>
            <translation>{who} 没有连接到 Input：请把它的输入连接到前一层</translation>
        </message>
        <message>
            <source>{who} is a dead end: its output goes nowhere, but the network has one output ('{output}'); connect it onward or delete it</source>
            <translation>{who} 是死胡同：它的输出没有去处，而网络只有一个输出（'{output}'）；请把它继续往后连接，或删除它</translation>
        </message>
        <message>
            <source>The Input is not connected to anything: connect it to the first layer</source>
            <translation>Input 没有连接到任何层：请把它连接到第一层</translation>
        </message>
        <message>
            <source>{who} ends the network, but the cross-entropy loss already applies log-softmax: training uses the scores before it. Delete it for a cleaner model</source>
            <translation>{who} 位于网络末尾，但交叉熵损失已经包含 log-softmax：训练使用的是它之前的分数。删除它可以让模型更简洁</translation>
        </message>
        <message>
            <source>The network's output is {shape}, not a vector of class scores: end with Flatten and Linear</source>
            <translation>网络的输出是 {shape}，而不是由各类别分数组成的向量：请以 Flatten 和 Linear 结尾</translation>
        </message>
        <message>
            <source>Set out_features={n} on '{name}'</source>
            <translation>将 '{name}' 的 out_features 设为 {n}</translation>
        </message>
        <message>
            <source>The network outputs {scores} scores but the task has {n} classes: set the last Linear's out_features to {n}</source>
            <translation>网络输出 {scores} 个分数，而任务有 {n} 个类别：请将最后一个 Linear 的 out_features 设为 {n}</translation>
        </message>
        <message>
            <source>The graph is empty: drag an Input layer onto the canvas to start</source>
            <translation>图是空的：先把一个 Input 层拖到画布上</translation>
        </message>
        <message>
            <source>Epochs</source>
            <extracomment>The widget (its label as shown) that sets each field.</extracomment>
            <translation>轮数</translation>
        </message>
        <message>
            <source>Batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>Optimiser</source>
            <translation>优化器</translation>
        </message>
        <message>
            <source>Momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <source>Nesterov</source>
            <translation>Nesterov</translation>
        </message>
        <message>
            <source>Weight decay</source>
            <translation>权重衰减</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>学习率调度</translation>
        </message>
        <message>
            <source>Label smoothing</source>
            <translation>标签平滑</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <source>Mixed precision (CUDA)</source>
            <translation>混合精度（CUDA）</translation>
        </message>
        <message>
            <source>channels_last memory format</source>
            <translation>channels_last 内存格式</translation>
        </message>
        <message>
            <source>Gradient clipping</source>
            <translation>梯度裁剪</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>数据来源</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>Download if missing</source>
            <translation>缺失时下载</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>验证集</translation>
        </message>
        <message>
            <source>Test</source>
            <translation>测试集</translation>
        </message>
        <message>
            <source>Split seed</source>
            <translation>划分种子</translation>
        </message>
        <message>
            <source>Input shape</source>
            <translation>输入形状</translation>
        </message>
        <message>
            <source>number of classes</source>
            <translation>类别数</translation>
        </message>
        <message>
            <source>pixel (C, Y, X)</source>
            <translation>像素 (C, Y, X)</translation>
        </message>
        <message>
            <source>class</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>the experiment's folder</source>
            <translation>实验文件夹</translation>
        </message>
        <message>
            <source>epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <source> (e.g. {name} {value})</source>
            <extracomment>How the window words each hint; a (hint, field) pair words one field its own way.</extracomment>
            <translation>（例如将{name}设为 {value}）</translation>
        </message>
        <message>
            <source>: press Load &amp; preview in the Dataset box, then Adapt the model</source>
            <translation>：请在“数据集”框中按“加载 &amp; 预览”，再按“适配模型”</translation>
        </message>
        <message>
            <source>: choose {value} as the {name}</source>
            <translation>：请将{name}选为 {value}</translation>
        </message>
        <message>
            <source>: choose Automatic or CPU as the Device</source>
            <translation>：请将设备选为“自动”或 CPU</translation>
        </message>
        <message>
            <source> (tick “{name}” in the Dataset box)</source>
            <translation>（请在“数据集”框中勾选“{name}”）</translation>
        </message>
        <message>
            <source>: choose its {name} in the Dataset box</source>
            <translation>：请在“数据集”框中选择它的{name}</translation>
        </message>
        <message>
            <source> (the input shape, e.g. {value})</source>
            <translation>（输入形状，例如 {value}）</translation>
        </message>
        <message>
            <source>{who}: padding 'same' needs stride 1 (PyTorch's rule); use a number instead</source>
            <translation>{who}：填充 'same' 要求步幅为 1（PyTorch 的规定）；请改用一个数值</translation>
        </message>
        <message>
            <source>{who}: out_channels={out} is not divisible by groups={groups}</source>
            <translation>{who}：out_channels={out} 不能被 groups={groups} 整除</translation>
        </message>
        <message>
            <source>{who} has groups={g} but its {c} input channels are not divisible by {g}</source>
            <translation>{who}：groups={g}，但它的 {c} 个输入通道不能被 {g} 整除</translation>
        </message>
        <message>
            <source>{who}: its {kernel} kernel does not fit in the {size} input (with padding {padding}) — output would be {out}; use a smaller kernel, add padding, or a larger input</source>
            <translation>{who}：它的 {kernel} 卷积核放不进 {size} 的输入（填充为 {padding}）——输出将是 {out}；请使用更小的卷积核、增加填充，或使用更大的输入</translation>
        </message>
        <message>
            <source>{who} needs a vector but receives {shape}: insert Flatten before it (giving {n} features)</source>
            <translation>{who} 需要向量输入，却收到了 {shape}：请在它之前插入 Flatten（得到 {n} 个特征）</translation>
        </message>
        <message>
            <source>Insert Flatten before {who}</source>
            <translation>在 {who} 之前插入 Flatten</translation>
        </message>
        <message>
            <source>{who} expects {want} inputs but receives {got}: set in_features={n} (or leave it empty to infer it)</source>
            <translation>{who} 期望 {want} 个输入，却收到了 {got} 个：请设置 in_features={n}（或留空让它自动推断）</translation>
        </message>
        <message>
            <source>Set in_features={n}</source>
            <translation>设置 in_features={n}</translation>
        </message>
        <message>
            <source>{who} joins {a} with {b}: the shapes must be equal</source>
            <translation>{who} 把 {a} 与 {b} 相加：两者的形状必须相同</translation>
        </message>
        <message>
            <source>{who} joins {a} with {b}: the shapes must be equal; give the shortcut (input {port}) a 1×1 conv with {c} channels and stride {s}</source>
            <translation>{who} 把 {a} 与 {b} 相加：两者的形状必须相同；请给捷径分支（输入 {port}）加一个 {c} 通道、步幅为 {s} 的 1×1 卷积</translation>
        </message>
        <message>
            <source>{who} joins {a} with {b}: the shapes must be equal; give the shortcut (input {port}) a 1×1 conv with {c} channels</source>
            <translation>{who} 把 {a} 与 {b} 相加：两者的形状必须相同；请给捷径分支（输入 {port}）加一个 {c} 通道的 1×1 卷积</translation>
        </message>
        <message>
            <source>Insert 1×1 conv ({c} channels, stride {s}) on the shortcut</source>
            <translation>在捷径分支上插入 1×1 卷积（{c} 通道，步幅 {s}）</translation>
        </message>
        <message>
            <source>{who} joins {shapes}: all inputs must have the same height and width; pool or pad the larger one</source>
            <translation>{who} 拼接 {shapes}：所有输入的高和宽必须相同；请对较大的那个做池化或填充</translation>
        </message>
        <message>
            <source>{who} joins {shapes}: all inputs must have the same rank; pool or pad the larger one</source>
            <translation>{who} 拼接 {shapes}：所有输入的维数必须相同；请对较大的那个做池化或填充</translation>
        </message>
        <message>
            <source>{who} multiplies {a} by {b}: the shapes must be equal, or one must be 1 wherever they differ (e.g. a {c}×1×1 channel gate)</source>
            <translation>{who} 把 {a} 与 {b} 相乘：两者的形状必须相同，或在不同的维度上其中一个为 1（例如 {c}×1×1 的通道门控）</translation>
        </message>
        <message>
            <source>{who}: {c} channels cannot be split into {g} equal groups; use a groups value that divides {c}</source>
            <translation>{who}：{c} 个通道无法平均分成 {g} 组；请使用能整除 {c} 的 groups 值</translation>
        </message>
        <message>
            <source>{who}: index {index} does not exist among {n} slices; use 0…{last}</source>
            <translation>{who}：{n} 个切片中没有索引 {index}；请使用 0…{last}</translation>
        </message>
        <message>
            <source>{who} needs an input with channels</source>
            <translation>{who} 需要带通道的输入</translation>
        </message>
        <message>
            <source>{who}: {c} channels give only {n} slice(s) of {size}; use index &lt; {n}</source>
            <translation>{who}：{c} 个通道只能切出 {n} 个大小为 {size} 的切片；请使用小于 {n} 的索引</translation>
        </message>
        <message>
            <source>{who} needs a 3-D feature map but receives a vector of {shape} features; place it before the Flatten</source>
            <translation>{who} 需要三维特征图，却收到了 {shape} 个特征组成的向量：请把它放到 Flatten 之前</translation>
        </message>
        <message>
            <source>{who}: padding {padding} is more than half the {kernel} kernel (PyTorch's limit); use padding ≤ {most}</source>
            <translation>{who}：填充 {padding} 超过了 {kernel} 卷积核的一半（PyTorch 的限制）；请使用不超过 {most} 的填充</translation>
        </message>
        <message>
            <source>{who}: its {window} window does not fit in the {size} input — output would be {out}; use a smaller window or remove this pooling</source>
            <translation>{who}：它的 {window} 窗口放不进 {size} 的输入——输出将是 {out}；请使用更小的窗口，或删除这个池化层</translation>
        </message>
        <message>
            <source>model input shape {shape} is not an image (C, H, W): image data sets need an Input node with channels, height and width</source>
            <translation>模型的输入形状 {shape} 不是图像 (C, H, W)：图像数据集需要一个带有通道数、高度和宽度的 Input 节点</translation>
        </message>
        <message>
            <source>the model's input has {c} channels: image data sets supply 1 (grayscale) or 3 (RGB); set the Input node's channels to 1 or 3</source>
            <translation>模型的输入有 {c} 个通道：图像数据集只提供 1 个（灰度）或 3 个（RGB）通道；请把 Input 节点的通道数设为 1 或 3</translation>
        </message>
        <message>
            <source>the built-in digits file {file} is missing or damaged ({reason}): reinstall cnn-studio or rebuild it with studio/resources/make_digits.py</source>
            <translation>内置的 digits 文件 {file} 缺失或已损坏（{reason}）：请重新安装 cnn-studio，或用 studio/resources/make_digits.py 重新生成它</translation>
        </message>
        <message>
            <source>the validation split is empty (too few images): add images or lower val_fraction</source>
            <translation>验证集为空（图像太少）：请添加图像，或调低 val_fraction（验证集比例）</translation>
        </message>
        <message>
            <source>{folder} holds more than {images} images or {folders} folders: that is too large for a folder data set here; use a smaller folder</source>
            <translation>{folder} 中有超过 {images} 幅图像或 {folders} 个文件夹：作为文件夹数据集太大了；请使用一个更小的文件夹</translation>
        </message>
        <message>
            <source>image folder {folder} does not exist: give a folder with one subfolder per class</source>
            <translation>图像文件夹 {folder} 不存在：请提供一个每个类别各有一个子文件夹的文件夹</translation>
        </message>
        <message>
            <source>{folder} is a file, not a folder: give a folder with one subfolder per class</source>
            <translation>{folder} 是文件而不是文件夹：请提供一个每个类别各有一个子文件夹的文件夹</translation>
        </message>
        <message>
            <source>{folder} has no class subfolders: put the images in one subfolder per class, e.g. {cat} and {dog}</source>
            <translation>{folder} 中没有类别子文件夹：请把图像按类别放进各自的子文件夹，例如 {cat} 和 {dog}</translation>
        </message>
        <message>
            <source>{folder}: class {name} is not in {train}; its images were left out</source>
            <translation>{folder}：类别 {name} 不在 {train} 中；它的图像未被使用</translation>
        </message>
        <message>
            <source>no images found under {folder} (looked for {extensions} in the class subfolders)</source>
            <translation>在 {folder} 下没有找到图像（已在类别子文件夹中查找 {extensions}）</translation>
        </message>
        <message>
            <source>class folder(s) without images: {names}</source>
            <translation>没有图像的类别文件夹：{names}</translation>
        </message>
        <message>
            <source>skipped {n} unreadable image(s) of {total} in {folder}: {files}</source>
            <translation>已跳过 {folder} 中 {total} 幅图像里无法读取的 {n} 幅：{files}</translation>
        </message>
        <message>
            <source>none of the {n} image file(s) under {folder} could be read: check that they are real JPEG/PNG/... images</source>
            <translation>{folder} 下的 {n} 个图像文件都无法读取：请检查它们是否是真正的 JPEG/PNG/... 图像</translation>
        </message>
        <message>
            <source>{folder}: only one class ({name}) has readable images; a classifier needs at least two class subfolders with images</source>
            <translation>{folder}：只有一个类别（{name}）有可读取的图像；分类器至少需要两个含有图像的类别子文件夹</translation>
        </message>
        <message>
            <source>{setting} = {value}: must be a whole number between {lo} and {hi}</source>
            <translation>数据集设置“{field}”（{setting}）为 {value}：必须是 {lo} 到 {hi} 之间的整数</translation>
        </message>
        <message>
            <source>{setting} = {value}: must be a number between {lo} and {hi}</source>
            <translation>数据集设置“{field}”（{setting}）为 {value}：必须是 {lo} 到 {hi} 之间的数值</translation>
        </message>
        <message>
            <source>{setting} = {value}: must be in {range}</source>
            <translation>数据集设置“{field}”（{setting}）为 {value}：必须在 {range} 内</translation>
        </message>
        <message>
            <source>{setting} = {value}: must be true or false</source>
            <translation>数据集设置“{field}”（{setting}）为 {value}：必须是 true 或 false</translation>
        </message>
        <message>
            <source>{setting} must be a mapping of settings, not {kind}</source>
            <translation>数据集设置 {setting} 必须是由各项设置组成的映射，而不是 {kind}</translation>
        </message>
        <message>
            <source>{setting}: unknown setting(s) {names}; known settings are {known}</source>
            <translation>数据集设置 {setting}：未知的设置 {names}；已知的设置有 {known}</translation>
        </message>
        <message>
            <source>dataset.shapes.classes = {value}: must be a list drawn from {shapes}</source>
            <translation>数据集设置 dataset.shapes.classes = {value}：必须是从 {shapes} 中选取的列表</translation>
        </message>
        <message>
            <source>dataset.shapes.classes: unknown shape(s) {names}; choose from {shapes}</source>
            <translation>数据集设置 dataset.shapes.classes：未知的形状 {names}；请从 {shapes} 中选择</translation>
        </message>
        <message>
            <source>dataset.shapes.classes: list at least two different shapes, each once</source>
            <translation>数据集设置 dataset.shapes.classes：请列出至少两种不同的形状，每种只列一次</translation>
        </message>
        <message>
            <source>dataset.source = {value}: unknown data set; choose one of {sources}</source>
            <translation>数据集设置 dataset.source = {value}：未知的数据集；请从 {sources} 中选择一个</translation>
        </message>
        <message>
            <source>dataset.root = {value}: must be a folder path</source>
            <translation>数据集设置 dataset.root = {value}：必须是文件夹路径</translation>
        </message>
        <message>
            <source>data set {source} needs a folder</source>
            <translation>数据集 {source} 需要一个文件夹</translation>
        </message>
        <message>
            <source>dataset.val_fraction + dataset.test_fraction = {value}: leave at least 5% for training</source>
            <translation>数据集的验证集比例与测试集比例之和（dataset.val_fraction + dataset.test_fraction）为 {value}：请至少留出 5% 用于训练</translation>
        </message>
        <message>
            <source>dataset.cache = {value}: choose one of {modes}</source>
            <translation>数据集设置 dataset.cache = {value}：请从 {modes} 中选择一个</translation>
        </message>
        <message>
            <source>{file}: cannot unpack ({reason}); replace it with an intact copy</source>
            <translation>{file}：无法解压（{reason}）；请换成一份完好的副本</translation>
        </message>
        <message>
            <source>could not download {title} ({reason}): put the files in {folder} ({files}) and run again without download</source>
            <translation>无法下载 {title}（{reason}）：请把文件（{files}）放到 {folder}，然后关闭下载再运行一次</translation>
        </message>
        <message>
            <source>{title} folder {folder} is a file: give the folder that holds {expected}</source>
            <translation>{title} 的文件夹 {folder} 是一个文件：请提供包含 {expected} 的文件夹</translation>
        </message>
        <message>
            <source>{title} not found: expected {files} in {folder} (the .gz files also do); copy them there, or let the studio download them where the network allows</source>
            <translation>找不到 {title}：应在 {folder} 中有 {files}（.gz 文件也可以）；请把它们复制到那里，或在网络允许时让 studio 下载</translation>
        </message>
        <message>
            <source>{title} not found: expected {files} in {folder} (or cifar-10-python.tar.gz in the root); copy them there, or let the studio download them where the network allows</source>
            <translation>找不到 {title}：应在 {folder} 中有 {files}（或在根目录中有 cifar-10-python.tar.gz）；请把它们复制到那里，或在网络允许时让 studio 下载</translation>
        </message>
        <message>
            <source>{title} in {folder}: labels outside 0..{last}; the files are damaged</source>
            <translation>{folder} 中的 {title}：有超出 0..{last} 的标签；文件已损坏</translation>
        </message>
        <message>
            <source>{title} files in {folder} are not valid IDX files ({reason}): replace them with the original files</source>
            <translation>{folder} 中的 {title} 文件不是有效的 IDX 文件（{reason}）：请换成原始文件</translation>
        </message>
        <message>
            <source>{title} in {folder}: {images} images but {labels} labels; the files do not belong together</source>
            <translation>{folder} 中的 {title}：有 {images} 幅图像，却有 {labels} 个标签；这些文件不是配套的</translation>
        </message>
        <message>
            <source>{file}: not a CIFAR-10 batch file ({reason}); replace it with the original file</source>
            <translation>{file}：不是 CIFAR-10 批次文件（{reason}）；请换成原始文件</translation>
        </message>
        <message>
            <source>CIFAR-10 in {folder} cannot be read ({reason}); replace the files</source>
            <translation>无法读取 {folder} 中的 CIFAR-10（{reason}）；请替换这些文件</translation>
        </message>
        <message>
            <source>{file}: not a CIFAR-10 batch (expected 'data' uint8 N×3072 and N 'labels'); replace it with the original file</source>
            <translation>{file}：不是 CIFAR-10 批次（应包含 uint8 N×3072 的 'data' 和 N 个标签 'labels'）；请换成原始文件</translation>
        </message>
        <message>
            <source>{file}: no 'label_names' list; replace it with the original file</source>
            <translation>{file}：没有 'label_names' 列表；请换成原始文件</translation>
        </message>
        <message>
            <source>the model's input has {channels} channel(s) but the images have {c}: set the Input node's channels to 1 (grayscale) or 3 (RGB)</source>
            <translation>模型的输入有 {channels} 个通道，而图像有 {c} 个：请把 Input 节点的通道数设为 1（灰度）或 3（RGB）</translation>
        </message>
        <message>
            <source>{path}: no such image file</source>
            <translation>{path}：没有这个图像文件</translation>
        </message>
        <message>
            <source>{path} is a folder: give image files (PNG, JPEG, ...)</source>
            <translation>{path} 是一个文件夹：请提供图像文件（PNG、JPEG……）</translation>
        </message>
        <message>
            <source>{path} is not a regular file (a pipe or a device?): give image files</source>
            <translation>{path} 不是普通文件（是管道或设备？）：请提供图像文件</translation>
        </message>
        <message>
            <source>{name} was skipped: its size in pixels is over the safety limit of {limit} pixels (a decompression bomb?); resize it to a normal photo size</source>
            <translation>已跳过 {name}：它的像素数超过了 {limit} 像素的安全上限（可能是解压炸弹）；请把它缩小到普通照片的尺寸</translation>
        </message>
        <message>
            <source>{name} cannot be read as an image (not an image PIL can read): use a PNG, JPEG, BMP or GIF file</source>
            <translation>{name} 无法作为图像读取（PIL 无法识别的图像）：请使用 PNG、JPEG、BMP 或 GIF 文件</translation>
        </message>
        <message>
            <source>{name} cannot be read as an image (damaged or truncated): use a PNG, JPEG, BMP or GIF file</source>
            <translation>{name} 无法作为图像读取（已损坏或不完整）：请使用 PNG、JPEG、BMP 或 GIF 文件</translation>
        </message>
        <message>
            <source>the dataset code is not available ({text})</source>
            <translation>数据集代码不可用（{text}）</translation>
        </message>
        <message>
            <source>could not load the data: {kind}: {text}</source>
            <translation>无法加载数据：{kind}: {text}</translation>
        </message>
        <message>
            <source>the project has {classes} classes but the data has {n} ({names})</source>
            <translation>项目有 {classes} 个类别，而数据有 {n} 个（{names}）</translation>
        </message>
        <message>
            <source>the training set is empty: check the data folder (one subfolder of images per class)</source>
            <translation>训练集是空的：请检查数据文件夹（每个类别一个图像子文件夹）</translation>
        </message>
        <message>
            <source>cannot create the run folder {folder}: {reason}</source>
            <translation>无法创建运行文件夹 {folder}：{reason}</translation>
        </message>
        <message>
            <source>{file} does not fit this model ({problem}): resume with the project the checkpoint was trained on</source>
            <translation>{file} 与这个模型不匹配（{problem}）：请用训练该检查点时的项目继续训练</translation>
        </message>
        <message>
            <source>{file} was trained with another optimiser setup</source>
            <translation>{file} 是用另一种优化器设置训练的</translation>
        </message>
        <message>
            <source>ran out of memory on the device while training: try a smaller batch size or a smaller input resolution</source>
            <translation>训练时设备内存不足：请尝试更小的批大小或更低的输入分辨率</translation>
        </message>
        <message>
            <source>ran out of memory on the device with batch size {batch}: try a smaller batch size or a smaller input resolution</source>
            <translation>批大小为 {batch} 时设备内存不足：请尝试更小的批大小或更低的输入分辨率</translation>
        </message>
        <message>
            <source>ran out of memory on {where} while training: try a smaller batch size or a smaller input resolution</source>
            <translation>训练时 {where} 内存不足：请尝试更小的批大小或更低的输入分辨率</translation>
        </message>
        <message>
            <source>ran out of memory on {where} with batch size {batch}: try a smaller batch size or a smaller input resolution</source>
            <translation>批大小为 {batch} 时 {where} 内存不足：请尝试更小的批大小或更低的输入分辨率</translation>
        </message>
        <message>
            <source>training failed: {kind}: {text}</source>
            <translation>训练失败：{kind}: {text}</translation>
        </message>
        <message>
            <source>the loss became NaN/infinite in epoch {epoch}: the learning rate {lr} is most likely too high for {optimizer}; try {lower} (10× lower)</source>
            <translation>第 {epoch} 轮的损失变成了 NaN/无穷大：对 {optimizer} 来说，学习率 {lr} 很可能太高了；请试试 {lower}（降低为 1/10）</translation>
        </message>
        <message>
            <source>could not read a training batch (epoch {epoch}, batch {batch}): {kind}: {text}; check the data files</source>
            <translation>无法读取训练批次（第 {epoch} 轮，第 {batch} 批）：{kind}: {text}；请检查数据文件</translation>
        </message>
        <message>
            <source>the model failed on a batch of {shape} images: {text}</source>
            <translation>模型在一批 {shape} 的图像上出错：{text}</translation>
        </message>
        <message>
            <source>training setting '{setting}' should be a whole number, not {value}</source>
            <translation>训练设置“{field}”（{setting}）应为整数，而不是 {value}</translation>
        </message>
        <message>
            <source>training setting '{setting}' should be a number, not {value}</source>
            <translation>训练设置“{field}”（{setting}）应为数字，而不是 {value}</translation>
        </message>
        <message>
            <source>training setting '{setting}' should be text, not {value}</source>
            <translation>训练设置“{field}”（{setting}）应为文本，而不是 {value}</translation>
        </message>
        <message>
            <source>training setting '{setting}' should be true or false, not {value}</source>
            <translation>训练设置“{field}”（{setting}）应为 true 或 false，而不是 {value}</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: far too large</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：数值太大</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: use a finite number</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请使用有限的数值</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: train for at least 1 epoch (at most {max})</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：至少训练 1 轮（最多 {max} 轮）</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: use 1 to {max} (e.g. 64)</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请使用 1 到 {max} 之间的值（例如 64）</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: the learning rate must be above 0 (e.g. 0.001)</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：学习率必须大于 0（例如 0.001）</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: choose one of {choices}</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请从 {choices} 中选择一个</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: use a value in [0, 1), e.g. 0.9</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请使用 [0, 1) 内的值，例如 0.9</translation>
        </message>
        <message>
            <source>training setting '{setting}' needs a momentum above 0 (e.g. 0.9)</source>
            <translation>训练设置“{field}”（{setting}）需要大于 0 的动量（例如 0.9）</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: use 0 or a small value (e.g. 5e-4)</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请使用 0 或一个较小的值（例如 5e-4）</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: use a value in [0, 1), e.g. 0.1</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请使用 [0, 1) 内的值，例如 0.1</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: use 0 (no clipping) or the largest gradient norm a step may apply, e.g. 1.0</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请使用 0（不裁剪）或每一步允许的最大梯度范数，例如 1.0</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: use 0 (automatic) or a number of epochs</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请使用 0（自动）或一个轮数</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: the step factor must be in (0, 1], e.g. 0.1</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：衰减因子必须在 (0, 1] 内，例如 0.1</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: use 0 (automatic) or a number of CPU threads up to {max}</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请使用 0（自动）或不超过 {max} 的 CPU 线程数</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: use 0 to {max}</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请使用 0 到 {max} 之间的值</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: use 0 (never) or a number of epochs</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请使用 0（从不）或一个轮数</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: write NAME=FACTOR pairs separated by commas, e.g. layer1=0.1</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请写成用逗号分隔的 NAME=FACTOR 对，例如 layer1=0.1</translation>
        </message>
        <message>
            <source>training setting '{setting}' is {value}: use a whole number from 0 to {max}</source>
            <translation>训练设置“{field}”（{setting}）为 {value}：请使用 0 到 {max} 之间的整数</translation>
        </message>
        <message>
            <source>training settings should be an object of name: value pairs, not {value}</source>
            <translation>训练设置应为由“名称: 值”对组成的对象，而不是 {value}</translation>
        </message>
    </context>
    <context>
        <name>Experiments</name>
        <message>
            <source>ReLU trains faster than tanh</source>
            <translation>ReLU 比 tanh 训练得更快</translation>
        </message>
        <message>
            <source>A CNN with ReLUs reaches a training-error threshold several times faster than the same CNN with tanh units.</source>
            <translation>使用 ReLU 的 CNN 达到某一训练误差阈值的速度，是使用 tanh 单元的同一 CNN 的数倍。</translation>
        </message>
        <message>
            <source>Krizhevsky, Sutskever, Hinton 2012, ImageNet Classification with Deep CNNs, §3.1 and Figure 1 (25% training error on CIFAR-10 six times faster)</source>
            <translation>Krizhevsky, Sutskever, Hinton 2012, ImageNet Classification with Deep CNNs, §3.1 与图 1（在 CIFAR-10 上达到 25% 训练误差的速度快六倍）</translation>
        </message>
        <message>
            <source>epochs until the training accuracy reaches 60% (40% training error, 5 classes); ReLU must be ≥ 2× faster</source>
            <translation>训练准确率达到 60%（训练误差 40%，5 个类别）所需的轮数；ReLU 必须快 ≥ 2 倍</translation>
        </message>
        <message>
            <source>ReLU (He init)</source>
            <translation>ReLU（He 初始化）</translation>
        </message>
        <message>
            <source>tanh (Glorot init)</source>
            <translation>tanh（Glorot 初始化）</translation>
        </message>
        <message>
            <source>Where else it was measured (docs/experiments.md has the table): nine other settings — a 2-conv net on digits at four learning rates, 8-, 14- and 20-layer plain nets on digits, tanh with He init, PyTorch's default init, AlexNet's N(0, 0.01) init. ReLU was never ≥ 2× faster; its best was 1.5× (digits, 2 convs + 1 FC, lr 0.003: 90% training accuracy at epoch 2 vs 3). tanh with Glorot initialisation does not saturate in nets this small and data this easy, and the speed-up AlexNet measured (6×, CIFAR-10, 25% training error) comes from tanh saturating; deeper or faster-trained ReLU nets lose units instead (dead ReLUs at lr ≥ 0.03 in 20 layers).</source>
            <translation>这项实验还在哪些设置下测量过（表格见 docs/experiments.md）：另外九种设置——在 digits 上用四种学习率训练的 2 个卷积层的网络，在 digits 上的 8 层、14 层和 20 层普通网络，使用 He 初始化的 tanh，PyTorch 的默认初始化，AlexNet 的 N(0, 0.01) 初始化。ReLU 从未快到 ≥ 2 倍；最好的一次是 1.5 倍（digits，2 个卷积层 + 1 个全连接层，lr 0.003：训练准确率 90% 分别在第 2 轮和第 3 轮达到）。在这么小的网络和这么简单的数据上，使用 Glorot 初始化的 tanh 不会饱和；AlexNet 测得的加速（6 倍，CIFAR-10，25% 训练误差）来自 tanh 的饱和；而更深或训练得更快的 ReLU 网络则会失去单元（20 层、lr ≥ 0.03 时出现死亡 ReLU）。</translation>
        </message>
        <message>
            <source>ReLU vs tanh in AlexNet's setting</source>
            <translation>AlexNet 设置下的 ReLU 与 tanh</translation>
        </message>
        <message>
            <source>With AlexNet's preprocessing (only the mean subtracted: pixels on the 0–255 scale) and initialisation (N(0, 0.01) for every layer), a CNN with ReLUs reaches a training-error threshold several times faster than the same CNN with tanh units at the same learning rate.</source>
            <translation>采用 AlexNet 的预处理（只减去均值：像素保持 0–255 的尺度）和初始化（每一层都用 N(0, 0.01)），使用 ReLU 的 CNN 在相同学习率下达到某个训练误差阈值的速度，是同一个使用 tanh 单元的 CNN 的好几倍。</translation>
        </message>
        <message>
            <source>Krizhevsky, Sutskever, Hinton 2012, §2 (mean subtraction only), §5 (N(0, 0.01) weights), §3.1 and Figure 1 (a four-layer CNN without normalisation)</source>
            <translation>Krizhevsky, Sutskever, Hinton 2012，§2（只减去均值）、§5（N(0, 0.01) 权重）、§3.1 和图 1（一个没有归一化的四层 CNN）</translation>
        </message>
        <message>
            <source>epochs until the training accuracy reaches 95% (5% training error); ReLU must be ≥ 2× faster</source>
            <translation>训练准确率达到 95%（训练误差 5%）所需的轮数；ReLU 必须快 ≥ 2×</translation>
        </message>
        <message>
            <source>ReLU, N(0, 0.01)</source>
            <translation>ReLU，N(0, 0.01)</translation>
        </message>
        <message>
            <source>tanh, N(0, 0.01)</source>
            <translation>tanh，N(0, 0.01)</translation>
        </message>
        <message>
            <source>Why it holds here and not in relu-vs-tanh: AlexNet fed its nets 0–255 pixels with only the mean subtracted. Here that puts the first convolution's pre-activations at a standard deviation of 1.5 (measured), so 31% of the first layer's tanh units start beyond ±0.9 (mean slope 1 − tanh² = 0.47), while ReLU's slope stays 1 however large the input; tanh's gradients are smaller from the first step (first layer 0.023 vs 0.034, the others about half) and it moves slower at the same learning rate. With inputs scaled to unit variance (relu-vs-tanh, and every other experiment here) tanh does not saturate and trains as fast. What it does not show: tanh at its own best learning rate. Measured on this net: ReLU reaches 95% at epoch 6 at lr 0.003 and dies at lr 0.01 (at chance from epoch 4); tanh reaches it at epoch 23 at lr 0.003, 10 at 0.01, 5 at 0.03 and 8 at 0.1. So at each one's best rate tanh is as fast (epoch 5 vs 6): on this data the saturating tanh net needs a 10× larger learning rate, not more steps. AlexNet chose each net's rate independently on CIFAR-10; its 6× needs harder data than a 2-core budget allows.</source>
            <translation>为什么这里成立而 relu-vs-tanh 中不成立：AlexNet 输入网络的是只减去均值的 0–255 像素。在这里，这使第一个卷积的激活前值的标准差达到 1.5（实测），因此第一层有 31% 的 tanh 单元一开始就超出 ±0.9（平均斜率 1 − tanh² = 0.47），而 ReLU 的斜率无论输入多大都保持为 1；tanh 的梯度从第一步起就更小（第一层 0.023 对 0.034，其他层约为一半），在相同学习率下移动得更慢。当输入被缩放到单位方差时（relu-vs-tanh，以及这里的其他所有实验），tanh 不会饱和，训练得一样快。它没有展示的是：tanh 在自己的最佳学习率下的表现。在这个网络上实测：ReLU 在 lr 0.003 时第 6 轮达到 95%，在 lr 0.01 时单元死亡（从第 4 轮起停留在随机猜测水平）；tanh 在 lr 0.003 时第 23 轮达到，0.01 时第 10 轮，0.03 时第 5 轮，0.1 时第 8 轮。所以在各自的最佳学习率下 tanh 一样快（第 5 轮对第 6 轮）：在这份数据上，会饱和的 tanh 网络需要的是大 10 倍的学习率，而不是更多的步数。AlexNet 在 CIFAR-10 上为每个网络单独选择学习率；它测得的 6 倍需要比 2 核 CPU 的预算所允许的更难的数据。</translation>
        </message>
        <message>
            <source>Dropout narrows the train/validation gap</source>
            <translation>Dropout 缩小训练与验证之间的差距</translation>
        </message>
        <message>
            <source>On a small training set, dropout in the fully connected layers reduces overfitting: the gap between training and validation accuracy shrinks.</source>
            <translation>在小训练集上，全连接层中的 Dropout 能减轻过拟合：训练准确率与验证准确率之间的差距缩小。</translation>
        </message>
        <message>
            <source>Krizhevsky, Sutskever, Hinton 2012, §4.2 (dropout in the first two fully connected layers); Srivastava et al. 2014, JMLR</source>
            <translation>Krizhevsky, Sutskever, Hinton 2012, §4.2（前两个全连接层中的 Dropout）；Srivastava et al. 2014, JMLR</translation>
        </message>
        <message>
            <source>final training accuracy − validation accuracy; dropout must be smaller</source>
            <translation>最终训练准确率 − 验证准确率；使用 Dropout 时必须更小</translation>
        </message>
        <message>
            <source>no dropout</source>
            <translation>无 Dropout</translation>
        </message>
        <message>
            <source>dropout p=0.5</source>
            <translation>Dropout p=0.5</translation>
        </message>
        <message>
            <source>Batch Normalization trains in fewer steps</source>
            <translation>批归一化用更少的步数完成训练</translation>
        </message>
        <message>
            <source>With Batch Normalization the same network reaches the target accuracy in fewer steps, and tolerates a higher learning rate.</source>
            <translation>使用批归一化后，同一网络用更少的步数达到目标准确率，并能承受更高的学习率。</translation>
        </message>
        <message>
            <source>Ioffe &amp; Szegedy 2015, Batch Normalization, §4.2 and Figure 2 (Inception reaches 72.2% in 14× fewer steps; BN-x5 with a 5× learning rate)</source>
            <translation>Ioffe &amp; Szegedy 2015, Batch Normalization（批归一化）, §4.2 与图 2（Inception 以少 14 倍的步数达到 72.2%；BN-x5 使用 5 倍学习率）</translation>
        </message>
        <message>
            <source>epochs until validation accuracy reaches 90%; with BN must be fewer</source>
            <translation>验证准确率达到 90% 所需的轮数；使用 BN 时必须更少</translation>
        </message>
        <message>
            <source>no BN</source>
            <translation>无 BN</translation>
        </message>
        <message>
            <source>BN</source>
            <translation>BN</translation>
        </message>
        <message>
            <source>BN, 5× learning rate</source>
            <translation>BN，5 倍学习率</translation>
        </message>
        <message>
            <source>Stacked 3×3 convolutions instead of one large kernel</source>
            <translation>用堆叠的 3×3 卷积代替一个大卷积核</translation>
        </message>
        <message>
            <source>Two stacked 3×3 convolutions see the same 5×5 field as one 5×5 (three see 7×7) with fewer parameters, and the network is at least as accurate.</source>
            <translation>两个堆叠的 3×3 卷积与一个 5×5 卷积看到同样的 5×5 区域（三个则看到 7×7），参数更少，且网络至少同样准确。</translation>
        </message>
        <message>
            <source>Simonyan &amp; Zisserman 2015, Very Deep Convolutional Networks (VGG), §2.3; with BatchNorm as in torchvision's vgg*_bn (Ioffe &amp; Szegedy 2015)</source>
            <translation>Simonyan &amp; Zisserman 2015, Very Deep Convolutional Networks (VGG), §2.3；带 BatchNorm 的设置同 torchvision 的 vgg*_bn（Ioffe &amp; Szegedy 2015）</translation>
        </message>
        <message>
            <source>for each pair, in each setting (without and with BatchNorm): parameters (must be fewer) and best validation accuracy (at most 1 point lower)</source>
            <translation>每一对、在每种设置下（不带和带 BatchNorm）：参数量（必须更少）和最佳验证准确率（最多低 1 个百分点）</translation>
        </message>
        <message>
            <source>two 3×3</source>
            <translation>两个 3×3</translation>
        </message>
        <message>
            <source>one 5×5</source>
            <translation>一个 5×5</translation>
        </message>
        <message>
            <source>three 3×3</source>
            <translation>三个 3×3</translation>
        </message>
        <message>
            <source>one 7×7</source>
            <translation>一个 7×7</translation>
        </message>
        <message>
            <source>two 3×3, BN</source>
            <translation>两个 3×3，BN</translation>
        </message>
        <message>
            <source>one 5×5, BN</source>
            <translation>一个 5×5，BN</translation>
        </message>
        <message>
            <source>three 3×3, BN</source>
            <translation>三个 3×3，BN</translation>
        </message>
        <message>
            <source>one 7×7, BN</source>
            <translation>一个 7×7，BN</translation>
        </message>
        <message>
            <source>Why the setting matters: a stack of small kernels is a deeper network (two or three ReLU layers for one). Without normalisation, and in 6 epochs, the deeper stack trains slower than the one large kernel, so it ends less accurate; VGG trained 74 epochs and initialised its deeper nets from shallower ones. With BatchNorm after each convolution the stack trains as fast, and the saved parameters cost no accuracy. The parameter saving itself holds in every setting.</source>
            <translation>为什么设置很重要：堆叠的小卷积核是更深的网络（用两三个 ReLU 层代替一个）。没有归一化、只训练 6 轮时，更深的堆叠比单个大卷积核训练得慢，因此最终准确率更低；VGG 训练了 74 轮，并用较浅的网络来初始化较深的网络。在每个卷积之后加上 BatchNorm，堆叠的网络训练得同样快，省下的参数也不损失准确率。参数的节省本身在每种设置下都成立。</translation>
        </message>
        <message>
            <source>Deeper plain nets train worse; residual nets do not</source>
            <translation>更深的普通网络训练得更差；残差网络则不会</translation>
        </message>
        <message>
            <source>A deeper plain network has a higher training error than a shallower one (degradation, not overfitting), and the residual version of the deep network does not; with BatchNorm the deep plain net's gradients stay healthy, so this is not vanishing gradients.</source>
            <translation>更深的普通网络比较浅的网络训练误差更高（这是退化，不是过拟合），而同样深度的残差版本则不会；有 BatchNorm 时深层普通网络的梯度保持健康，所以这不是梯度消失。</translation>
        </message>
        <message>
            <source>He, Zhang, Ren, Sun 2016, Deep Residual Learning, Figure 1 and Figure 4 (CIFAR-10: plain-56 above plain-20; ResNets below), §4.1 on gradients with BN</source>
            <translation>He, Zhang, Ren, Sun 2016, Deep Residual Learning（深度残差学习）, 图 1 与图 4（CIFAR-10：plain-56 高于 plain-20；ResNet 更低），§4.1 关于带 BN 时的梯度</translation>
        </message>
        <message>
            <source>final training loss: deep plain &gt; shallow plain, deep residual &lt; deep plain; grad-norm ratio of the deep plain net (last/first layer) near 1</source>
            <translation>最终训练损失：深层普通 &gt; 浅层普通，深层残差 &lt; 深层普通；深层普通网络的梯度范数比（最后一层/第一层）接近 1</translation>
        </message>
        <message>
            <source>plain, 8 layers</source>
            <translation>普通，8 层</translation>
        </message>
        <message>
            <source>plain, 44 layers</source>
            <translation>普通，44 层</translation>
        </message>
        <message>
            <source>residual, 44 layers</source>
            <translation>残差，44 层</translation>
        </message>
        <message>
            <source>the end of training for the training losses; the gradient ratio at the first step, before any update (a property of the architecture and initialisation).</source>
            <translation>训练损失在训练结束时判定；梯度比在第一步、任何更新之前判定（它是架构和初始化的性质）。</translation>
        </message>
        <message>
            <source>Vanishing gradients in deep nets without BatchNorm</source>
            <translation>没有 BatchNorm 的深层网络中的梯度消失</translation>
        </message>
        <message>
            <source>In a 20-layer plain network without normalisation, with sigmoid (or tanh) units, the gradient at the first layer is many orders of magnitude smaller than at the last; BatchNorm brings the ratio near 1, and so does ReLU with He initialisation (not with PyTorch's default initialisation).</source>
            <translation>在没有归一化、使用 sigmoid（或 tanh）单元的 20 层普通网络中，第一层的梯度比最后一层小许多个数量级；BatchNorm 能使这个比值接近 1，使用 He 初始化的 ReLU 也能（PyTorch 的默认初始化则不能）。</translation>
        </message>
        <message>
            <source>Glorot &amp; Bengio 2010, Understanding the difficulty of training deep feedforward networks, §4.2; He et al. 2015, Delving Deep into Rectifiers, §2.2 (He initialisation); Ioffe &amp; Szegedy 2015 §3; Hochreiter 1991</source>
            <translation>Glorot &amp; Bengio 2010, Understanding the difficulty of training deep feedforward networks, §4.2；He et al. 2015, Delving Deep into Rectifiers, §2.2（He 初始化）；Ioffe &amp; Szegedy 2015 §3；Hochreiter 1991</translation>
        </message>
        <message>
            <source>gradient norm of the last layer ÷ that of the first, at the first step: sigmoid ≥ 1000, ReLU + BN and ReLU + He init within 10× of 1</source>
            <translation>第一步时最后一层的梯度范数 ÷ 第一层的梯度范数：sigmoid ≥ 1000，ReLU + BN 和 ReLU + He 初始化与 1 相差在 10 倍以内</translation>
        </message>
        <message>
            <source>the first training step, before any weight update: the ratio is a property of the architecture and the initialisation, so more epochs do not change the verdict (the curves show what training does afterwards).</source>
            <translation>第一个训练步、任何权重更新之前：这个比值是架构和初始化的性质，所以更多的轮数不会改变判定（曲线显示之后训练的情况）。</translation>
        </message>
        <message>
            <source>sigmoid, no BN</source>
            <translation>sigmoid，无 BN</translation>
        </message>
        <message>
            <source>tanh, no BN</source>
            <translation>tanh，无 BN</translation>
        </message>
        <message>
            <source>ReLU, no BN (PyTorch's default init)</source>
            <translation>ReLU，无 BN（PyTorch 默认初始化）</translation>
        </message>
        <message>
            <source>ReLU + He init, no BN</source>
            <translation>ReLU + He 初始化，无 BN</translation>
        </message>
        <message>
            <source>ReLU + BN</source>
            <translation>ReLU + BN</translation>
        </message>
        <message>
            <source>residual ReLU + BN</source>
            <translation>残差 ReLU + BN</translation>
        </message>
        <message>
            <source>Exploding gradients: a NaN loss, and what BatchNorm does</source>
            <translation>梯度爆炸：损失变为 NaN，以及 BatchNorm 的作用</translation>
        </message>
        <message>
            <source>In a deep plain network without normalisation, too high a learning rate makes the gradients and weights grow step after step until the loss is NaN/Inf; the same network with BatchNorm trains at that learning rate, and without BatchNorm it needs a lower one.</source>
            <translation>在没有归一化的深层普通网络中，学习率过高会使梯度和权重一步步增长，直到损失变为 NaN/Inf；带 BatchNorm 的同一网络能以这个学习率训练，而没有 BatchNorm 时则需要更低的学习率。</translation>
        </message>
        <message>
            <source>Pascanu, Mikolov, Bengio 2013, On the difficulty of training recurrent neural networks, §2–3 (exploding gradients; clipping); Ioffe &amp; Szegedy 2015 §3.3 (BN allows higher learning rates)</source>
            <translation>Pascanu, Mikolov, Bengio 2013, On the difficulty of training recurrent neural networks, §2–3（梯度爆炸；梯度裁剪）；Ioffe &amp; Szegedy 2015 §3.3（BN 允许更高的学习率）</translation>
        </message>
        <message>
            <source>the first variant's loss becomes NaN/Inf; the BatchNorm, the lower-learning-rate and the clipped variants keep a finite loss to the end (for the clipped one the report adds how much it learned)</source>
            <translation>第一个变体的损失变为 NaN/Inf；BatchNorm 变体、较低学习率的变体和梯度裁剪的变体直到结束都保持有限的损失（对梯度裁剪的变体，报告还给出它学到了多少）</translation>
        </message>
        <message>
            <source>the step where the loss becomes NaN/Inf (the run of that variant stops there; the others train to the end).</source>
            <translation>损失变为 NaN/Inf 的那一步（该变体的训练就此停止；其他变体训练到结束）。</translation>
        </message>
        <message>
            <source>no BN, lr 0.5</source>
            <translation>无 BN，lr 0.5</translation>
        </message>
        <message>
            <source>BN, lr 0.5</source>
            <translation>BN，lr 0.5</translation>
        </message>
        <message>
            <source>no BN, lr 0.05</source>
            <translation>无 BN，lr 0.05</translation>
        </message>
        <message>
            <source>no BN, lr 0.5, clipped to norm 1</source>
            <translation>无 BN，lr 0.5，梯度范数裁剪到 1</translation>
        </message>
        <message>
            <source>LeakyReLU rather than ReLU: with plain ReLU a too-high learning rate kills the units (all gradients 0) before anything explodes; a small negative slope keeps them alive, so the gradients grow instead (measured: the first layer's gradient norm goes 0.16 → 24 → 1.4e7 → NaN within 30 steps at lr 0.5). Gradient clipping (Pascanu et al.'s fix; the training setting grad_clip) at norm 1 keeps the same net at lr 0.5 finite, but it stays at chance (training accuracy 10.7% after 2 epochs, 8.9% after 6): clipping scales a too-large gradient down to the limit, so no single step can throw the weights to infinity, but it does not make lr 0.5 a good learning rate. It is meant for rare spikes in an otherwise stable run.</source>
            <translation>使用 LeakyReLU 而不是 ReLU：用普通 ReLU 时，过高的学习率会在任何爆炸发生之前就让单元死亡（梯度全为 0）；一个小的负斜率能让单元保持存活，于是梯度转而增长（实测：lr 0.5 时，第一层的梯度范数在 30 步内从 0.16 → 24 → 1.4e7 → NaN）。梯度裁剪（Pascanu 等人的办法；训练设置 grad_clip）在范数 1 处裁剪，能让同一个网络在 lr 0.5 下保持有限，但它一直停留在随机猜测的水平（训练准确率 2 轮后 10.7%，6 轮后 8.9%）：梯度裁剪把过大的梯度缩小到上限，因此没有哪一步能把权重推向无穷大，但它不能让 lr 0.5 变成合适的学习率。它是为一次本来稳定的训练中偶尔出现的尖峰准备的。</translation>
        </message>
        <message>
            <source>Features learnt on other classes help with few images</source>
            <translation>在其他类别上学到的特征有助于少量图像的学习</translation>
        </message>
        <message>
            <source>A network pretrained on other classes and fine-tuned on a few images per new class is more accurate than the same network trained from scratch on those images; with its feature layers frozen it is nearly as good.</source>
            <translation>在其他类别上预训练、再用每个新类别的少量图像微调的网络，比用这些图像从头训练的同一网络更准确；冻结其特征层时效果也几乎一样好。</translation>
        </message>
        <message>
            <source>Yosinski, Clune, Bengio, Lipson 2014, How transferable are features in deep neural networks?, §4 (transfer to a new task split; fine-tuning helps); Donahue et al. 2014, DeCAF</source>
            <translation>Yosinski, Clune, Bengio, Lipson 2014, How transferable are features in deep neural networks?, §4（迁移到新的任务划分；微调有帮助）；Donahue et al. 2014, DeCAF</translation>
        </message>
        <message>
            <source>best validation accuracy on digits 5–9 with 5 training images per class: the better of frozen and fine-tuned must beat from scratch by ≥ 5 points</source>
            <translation>在数字 5–9 上、每个类别 5 张训练图像时的最佳验证准确率：冻结与微调中较好的一个必须比从头训练高 ≥ 5 个百分点</translation>
        </message>
        <message>
            <source>pretrain on digits 0–4</source>
            <translation>在数字 0–4 上预训练</translation>
        </message>
        <message>
            <source>pretrained, features frozen</source>
            <translation>预训练，冻结特征层</translation>
        </message>
        <message>
            <source>pretrained, all layers fine-tuned</source>
            <translation>预训练，微调所有层</translation>
        </message>
        <message>
            <source>from scratch</source>
            <translation>从头训练</translation>
        </message>
        <message>
            <source>Digits 0–4 pretrain a small CNN (6 epochs); the new task is digits 5–9 with 5 training images per class (25 in all) and ~270 validation images. The head is re-initialised for the new classes.</source>
            <translation>用数字 0–4 预训练一个小型 CNN（6 轮）；新任务是数字 5–9，每个类别 5 张训练图像（共 25 张），约 270 张验证图像。输出头针对新类别重新初始化。</translation>
        </message>
        <message>
            <source>PyTorch default</source>
            <extracomment>one colour per variant, in order: curves.png and the Experiments window alike verdicts about gradients: their figures add the per-layer gradient norm</extracomment>
            <translation>PyTorch 默认</translation>
        </message>
        <message>
            <source>gradient norm last ÷ first layer, first step</source>
            <extracomment>verdict.json keys → (column heading, how to show the value); the window translates the headings</extracomment>
            <translation>梯度范数 最后一层 ÷ 第一层，第一步</translation>
        </message>
        <message>
            <source>final training accuracy</source>
            <translation>最终训练准确率</translation>
        </message>
        <message>
            <source>final validation accuracy</source>
            <translation>最终验证准确率</translation>
        </message>
        <message>
            <source>best validation accuracy</source>
            <translation>最佳验证准确率</translation>
        </message>
        <message>
            <source>final training loss</source>
            <translation>最终训练损失</translation>
        </message>
        <message>
            <source>epochs to the target</source>
            <translation>达到目标所需轮数</translation>
        </message>
        <message>
            <source>epochs ÷ ReLU's</source>
            <translation>轮数 ÷ ReLU 的轮数</translation>
        </message>
        <message>
            <source>training − validation accuracy</source>
            <translation>训练 − 验证准确率</translation>
        </message>
        <message>
            <source>parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>loss NaN/Inf after step</source>
            <translation>损失变为 NaN/Inf 的步数</translation>
        </message>
        <message>
            <source>largest first-layer gradient norm</source>
            <translation>第一层的最大梯度范数</translation>
        </message>
        <message>
            <source>learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>gain vs scratch</source>
            <extracomment>the headings :func:`column` derives from keys without an entry above, marked for the window</extracomment>
            <translation>相对从头训练的提升</translation>
        </message>
        <message>
            <source>epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <source>{n} points</source>
            <translation>{n} 个百分点</translation>
        </message>
        <message>
            <source>, {pct}% held out for validation</source>
            <translation>，留出 {pct}% 用于验证</translation>
        </message>
        <message>
            <source>{data} ({shape} inputs{split}), seed {seed}</source>
            <translation>{data}（输入 {shape}{split}），随机种子 {seed}</translation>
        </message>
        <message>
            <source>AlexNet's N(0, 0.01) for every layer</source>
            <translation>AlexNet 的 N(0, 0.01)（每一层）</translation>
        </message>
        <message>
            <source>holds</source>
            <translation>成立</translation>
        </message>
        <message>
            <source>does not hold here</source>
            <translation>在此不成立</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>, </source>
            <translation>；</translation>
        </message>
        <message>
            <source>: does not hold here</source>
            <translation>：在此不成立</translation>
        </message>
        <message>
            <source>epoch {n}</source>
            <translation>第 {n} 轮</translation>
        </message>
        <message>
            <source>not within {budget} epochs</source>
            <translation>{budget} 轮内未达到</translation>
        </message>
        <message>
            <source>ReLU never reached {target} training accuracy in {n} epochs (tanh: {tanh}): does not hold here</source>
            <translation>ReLU 在 {n} 轮内始终没有达到 {target} 的训练准确率（tanh：{tanh}）：在此不成立</translation>
        </message>
        <message>
            <source>+ (tanh never reached it)</source>
            <translation>+（tanh 始终没有达到）</translation>
        </message>
        <message>
            <source>ReLU reached {target} training accuracy at epoch {relu}, tanh at {tanh}: {speed}×{more} faster (the claim needs ≥ {factor}×; AlexNet measured ~6×)</source>
            <translation>ReLU 在第 {relu} 轮达到 {target} 的训练准确率，tanh 在 {tanh}：快 {speed}×{more}（论断要求 ≥ {factor}×；AlexNet 测得约 6×）</translation>
        </message>
        <message>
            <source>no validation accuracy was recorded: the data needs a validation split</source>
            <translation>没有记录验证准确率：数据需要划分出验证集</translation>
        </message>
        <message>
            <source>train−val accuracy gap {plain} points without dropout, {dropout} with (validation {plain_val} → {dropout_val})</source>
            <translation>训练与验证准确率之差：无 Dropout 时 {plain} 个百分点，有 Dropout 时 {dropout} 个百分点（验证准确率 {plain_val} → {dropout_val}）</translation>
        </message>
        <message>
            <source>: dropout did not narrow the gap here</source>
            <translation>：在此 Dropout 没有缩小差距</translation>
        </message>
        <message>
            <source>{target} validation accuracy: without BN {plain}, with BN {bn}</source>
            <translation>验证准确率达到 {target}：无 BN {plain}，有 BN {bn}</translation>
        </message>
        <message>
            <source>, with BN at the higher learning rate {high}</source>
            <translation>，有 BN 且学习率更高时 {high}</translation>
        </message>
        <message>
            <source>: BN was not faster here</source>
            <translation>：在此 BN 没有更快</translation>
        </message>
        <message>
            <source>{small} ({small_params} params, {small_acc}) vs {big} ({big_params} params, {big_acc})</source>
            <translation>{small}（{small_params} 个参数，{small_acc}）对比 {big}（{big_params} 个参数，{big_acc}）</translation>
        </message>
        <message>
            <source>: {diff} points</source>
            <translation>：{diff} 个百分点</translation>
        </message>
        <message>
            <source>holds for {pairs}</source>
            <translation>成立的有：{pairs}</translation>
        </message>
        <message>
            <source>holds for no pair</source>
            <translation>没有一对成立</translation>
        </message>
        <message>
            <source>. Does not hold for {pairs}</source>
            <translation>。不成立的有：{pairs}</translation>
        </message>
        <message>
            <source> (fewer parameters, accuracy at most {tolerance} point lower)</source>
            <translation>（参数更少，准确率最多低 {tolerance} 个百分点）</translation>
        </message>
        <message>
            <source>. The saving of parameters holds everywhere; the accuracy depends on the setting (see the notes)</source>
            <translation>。参数的节省处处成立；准确率取决于设置（见说明）</translation>
        </message>
        <message>
            <source>holds in some settings, not in others</source>
            <translation>在部分设置下成立，在其他设置下不成立</translation>
        </message>
        <message>
            <source>a variant recorded no training loss (did it fail?)</source>
            <translation>有一个变体没有记录训练损失（它失败了吗？）</translation>
        </message>
        <message>
            <source>no layer statistics were recorded</source>
            <translation>没有记录层统计</translation>
        </message>
        <message>
            <source>not vanishing: the first layer's gradient is {ratio}× the last's</source>
            <translation>没有消失：第一层的梯度是最后一层的 {ratio} 倍</translation>
        </message>
        <message>
            <source>healthy: the last layer's gradient is {ratio}× the first's</source>
            <translation>健康：最后一层的梯度是第一层的 {ratio} 倍</translation>
        </message>
        <message>
            <source>vanishing: the last layer's gradient is {ratio}× the first's</source>
            <translation>正在消失：最后一层的梯度是第一层的 {ratio} 倍</translation>
        </message>
        <message>
            <source>deeper is worse</source>
            <translation>更深的更差</translation>
        </message>
        <message>
            <source>deeper is not worse</source>
            <translation>更深的并不更差</translation>
        </message>
        <message>
            <source>the residual net trains better</source>
            <translation>残差网络训练得更好</translation>
        </message>
        <message>
            <source>the residual net is no better</source>
            <translation>残差网络没有更好</translation>
        </message>
        <message>
            <source>final training loss: shallow {shallow}, deep plain {deep}, deep residual {residual_loss} ({deeper}; {residual}). Gradients of the deep plain net (BatchNorm) at the start: {grads} (last/first {ratio}, vanishing would be ≥ {limit})</source>
            <translation>最终训练损失：浅层 {shallow}，深层普通 {deep}，深层残差 {residual_loss}（{deeper}；{residual}）。深层普通网络（带 BatchNorm）开始时的梯度：{grads}（最后一层/第一层 {ratio}，梯度消失时应 ≥ {limit}）</translation>
        </message>
        <message>
            <source>, so the degradation is not caused by vanishing gradients</source>
            <translation>，所以退化不是由梯度消失引起的</translation>
        </message>
        <message>
            <source>gradient norm of the last layer ÷ the first at the first step: {ratios} (the claim: sigmoid ≥ {vanishing}; with BatchNorm, and with ReLU + He init, within {healthy}× of 1)</source>
            <translation>第一步时最后一层的梯度范数 ÷ 第一层的：{ratios}（论断：sigmoid ≥ {vanishing}；带 BatchNorm 时，以及 ReLU + He 初始化时，与 1 相差在 {healthy} 倍以内）</translation>
        </message>
        <message>
            <source>. ReLU alone is not enough with PyTorch's default initialisation (made for no particular activation): He initialisation, which keeps each layer's variance for ReLU, is what keeps the gradient near 1 without BatchNorm</source>
            <translation>。在 PyTorch 的默认初始化（并非为某种特定激活函数设计）下，仅靠 ReLU 是不够的：He 初始化针对 ReLU 保持每一层的方差，正是它在没有 BatchNorm 时使梯度保持在 1 附近</translation>
        </message>
        <message>
            <source>{variant}: the loss became NaN/Inf after step {step} (first-layer gradient norm up to {norm})</source>
            <translation>{variant}：损失在第 {step} 步之后变为 NaN/Inf（第一层的梯度范数最高达 {norm}）</translation>
        </message>
        <message>
            <source>{variant}: the loss stayed finite</source>
            <translation>{variant}：损失保持有限</translation>
        </message>
        <message>
            <source>{variant}: diverged too</source>
            <translation>{variant}：也发散了</translation>
        </message>
        <message>
            <source>{variant}: trained, final loss {loss}, first-layer gradient norm at most {norm}</source>
            <translation>{variant}：训练完成，最终损失 {loss}，第一层的梯度范数最高 {norm}</translation>
        </message>
        <message>
            <source>best validation accuracy: {a} {a_acc}, {b} {b_acc} ({diff} points)</source>
            <translation>最佳验证准确率：{a} {a_acc}，{b} {b_acc}（{diff} 个百分点）</translation>
        </message>
        <message>
            <source>: the variant is worse here</source>
            <translation>：在此该变体更差</translation>
        </message>
        <message>
            <source>best validation accuracy on the new classes: {variants}, from scratch {scratch}; {best} is {gain} points (the claim needs ≥ {margin}); pretraining reached {pretrain} on its own classes</source>
            <translation>新类别上的最佳验证准确率：{variants}，从头训练 {scratch}；{best} 相差 {gain} 个百分点（论断要求 ≥ {margin}）；预训练在它自己的类别上达到 {pretrain}</translation>
        </message>
        <message>
            <source>{variant}: clipping kept the loss finite and the network learned (training accuracy {acc}; {best} for {best_variant})</source>
            <translation>{variant}：梯度裁剪使损失保持有限，网络也学到了东西（训练准确率 {acc}；{best_variant} 为 {best}）</translation>
        </message>
        <message>
            <source>{variant}: clipping kept the loss finite (no NaN), but the network hardly learned: training accuracy {acc} at the end, {best} for {best_variant}. Clipping bounds the size of each step; it does not make a too-high learning rate a good one</source>
            <translation>{variant}：梯度裁剪使损失保持有限（没有 NaN），但网络几乎没有学到东西：结束时训练准确率为 {acc}，{best_variant} 为 {best}。梯度裁剪限制了每一步的大小，但不能把过高的学习率变成合适的学习率</translation>
        </message>
        <message>
            <source>Your variants</source>
            <translation>你的变体</translation>
        </message>
        <message>
            <source>The edited variant (B) is at least as accurate as the original (A).</source>
            <translation>修改后的变体（B）至少与原版（A）一样准确。</translation>
        </message>
        <message>
            <source>your project</source>
            <translation>你的项目</translation>
        </message>
        <message>
            <source>best validation accuracy of B ≥ that of A</source>
            <translation>B 的最佳验证准确率 ≥ A 的</translation>
        </message>
    </context>
    <context>
        <name>Explain</name>
        <message>
            <source>Feature maps (click a pixel)</source>
            <extracomment>name → view, in tab order; ``register_explain_view`` adds one (e.g. "overview")</extracomment>
            <translation>特征图（点击像素）</translation>
        </message>
        <message>
            <source>Output &amp;&amp; loss</source>
            <translation>输出与损失</translation>
        </message>
        <message>
            <source>Pixel arithmetic</source>
            <translation>像素计算</translation>
        </message>
        <message>
            <source>Overview (every layer)</source>
            <translation>总览（每一层）</translation>
        </message>
        <message>
            <source>Class</source>
            <extracomment>the table's headers; the words are marked (translated where shown), the formulas stay</extracomment>
            <translation>类别</translation>
        </message>
        <message>
            <source>probability</source>
            <translation>概率</translation>
        </message>
        <message>
            <source>y (one-hot)</source>
            <translation>y（独热编码）</translation>
        </message>
        <message>
            <source>Why a distribution and not one number? The classes have no order: predicting 7 for a 1 is not 'closer' than predicting 9, so rounding one output to the nearest class number would invent distances between classes. One score per class, turned into probabilities by softmax, says how sure the network is of each class, and cross-entropy compares that distribution with the one-hot label: it is small only when the true class gets most of the probability.</source>
            <translation>为什么输出一个分布，而不是一个数？类别之间没有顺序：把 1 预测成 7 并不比预测成 9 “更接近”，所以把一个输出取整到最近的类别编号，会凭空造出类别之间的距离。每个类别一个分数，经 softmax 变成概率，表示网络对每个类别有多确定；交叉熵把这个分布与独热编码标签作比较：只有真实类别得到大部分概率时，它才小。</translation>
        </message>
        <message>
            <source>x if x &gt; 0 else slope·x</source>
            <translation>x &gt; 0 时为 x，否则为 slope·x</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>PyTorch code</source>
            <translation>PyTorch 代码</translation>
        </message>
        <message>
            <source>Python files (*.py)</source>
            <translation>Python 文件 (*.py)</translation>
        </message>
        <message>
            <source>ONNX models (*.onnx)</source>
            <translation>ONNX 模型 (*.onnx)</translation>
        </message>
        <message>
            <source>TorchScript archives (*.pt *.pth)</source>
            <translation>TorchScript 存档 (*.pt *.pth)</translation>
        </message>
    </context>
    <context>
        <name>GradientFlow</name>
        <message>
            <source>Gradient norm (log10)</source>
            <translation>梯度范数 (log10)</translation>
        </message>
        <message>
            <source>Dead fraction (zeros)</source>
            <translation>死亡比例（零值）</translation>
        </message>
        <message>
            <source>Activation std (log10)</source>
            <translation>激活标准差 (log10)</translation>
        </message>
        <message>
            <source>Update / weight (log10)</source>
            <translation>更新量/权重 (log10)</translation>
        </message>
    </context>
    <context>
        <name>Help</name>
        <message>
            <source>New, open, save (Ctrl+Shift+S: save as)</source>
            <translation>新建、打开、保存（Ctrl+Shift+S：另存为）</translation>
        </message>
        <message>
            <source>Undo / redo</source>
            <translation>撤销 / 重做</translation>
        </message>
        <message>
            <source>Copy, cut, paste the selected layers (with the edges between them)</source>
            <translation>复制、剪切、粘贴选中的层（连同它们之间的连线）</translation>
        </message>
        <message>
            <source>Duplicate the selection</source>
            <translation>为选中部分创建副本</translation>
        </message>
        <message>
            <source>Delete the selection (a deleted layer in a chain is bridged: the one above feeds the ones below)</source>
            <translation>删除选中部分（删除链中的一层时会自动接通：上一层直接连到下面的层）</translation>
        </message>
        <message>
            <source>Select every layer (or drag a rubber band on empty canvas)</source>
            <translation>选中所有层（或在画布空白处拖出选框）</translation>
        </message>
        <message>
            <source>Group the selection into a named block</source>
            <translation>把选中部分编组为一个有名称的模块</translation>
        </message>
        <message>
            <source>Zoom in, zoom out, fit the network in view</source>
            <translation>放大、缩小、让整个网络适合窗口</translation>
        </message>
        <message>
            <source>Auto-layout (top to bottom)</source>
            <translation>自动布局（从上到下）</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>This help</source>
            <translation>本帮助</translation>
        </message>
        <message>
            <source>
&lt;h3&gt;Building a network&lt;/h3&gt;
&lt;ol&gt;
&lt;li&gt;Drag a layer from the &lt;b&gt;palette&lt;/b&gt; (left) onto the canvas, or double-click it: with one layer
    selected, the new one goes below it and is wired in after it.&lt;/li&gt;
&lt;li&gt;Drag from a layer's output port (bottom) to the next layer's input port (top) to connect them.&lt;/li&gt;
&lt;li&gt;Select a layer to edit its parameters in the &lt;b&gt;inspector&lt;/b&gt; (right); every shape updates as you type.&lt;/li&gt;
&lt;li&gt;Problems appear in red (errors) and amber (warnings) on the canvas and in the &lt;b&gt;Problems&lt;/b&gt; tab;
    where a fix is obvious a button applies it (undoable).&lt;/li&gt;
&lt;li&gt;The &lt;b&gt;Summary&lt;/b&gt; tab lists every layer's output shape, parameters and MACs; the &lt;b&gt;Code&lt;/b&gt; tab shows
    the PyTorch code the studio generates.&lt;/li&gt;
&lt;/ol&gt;
&lt;p&gt;&lt;b&gt;Help → Concepts&lt;/b&gt; explains one-hot labels, softmax, cross-entropy, output sizes, parameters,
padding, pooling, receptive fields, VGG, ResNet, BatchNorm, Dropout and ReLU, each with a link to the
place that shows it for your network (for example: click a feature-map pixel on the Inference tab).&lt;/p&gt;
&lt;p&gt;File → New from template… starts from LeNet-5, AlexNet, VGG or ResNet. Edit → Save selection as
block… keeps layers you reuse; they appear under &lt;b&gt;My blocks&lt;/b&gt; in the palette and in Edit → Insert
block. Edit → History lists every edit: click a line to go back to it.&lt;/p&gt;
</source>
            <translation>
&lt;h3&gt;搭建网络&lt;/h3&gt;
&lt;ol&gt;
&lt;li&gt;从&lt;b&gt;层面板&lt;/b&gt;（左侧）把一个层拖到画布上，或双击它：如果已选中一个层，新层会放在它下方，并自动连接在它后面。&lt;/li&gt;
&lt;li&gt;从一个层的输出端口（底部）拖到下一个层的输入端口（顶部），即可把它们连接起来。&lt;/li&gt;
&lt;li&gt;选中一个层，在&lt;b&gt;检查器&lt;/b&gt;（右侧）中编辑它的参数；输入时所有形状都会随之更新。&lt;/li&gt;
&lt;li&gt;问题会以红色（错误）和琥珀色（警告）显示在画布上和&lt;b&gt;问题&lt;/b&gt;标签页中；如果修正方法很明确，点一个按钮即可应用（可撤销）。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;概要&lt;/b&gt;标签页列出每一层的输出形状、参数量和 MACs；&lt;b&gt;代码&lt;/b&gt;标签页显示软件生成的 PyTorch 代码。&lt;/li&gt;
&lt;/ol&gt;
&lt;p&gt;&lt;b&gt;帮助 → 概念&lt;/b&gt;讲解独热编码标签、softmax、交叉熵、输出尺寸、参数量、填充、池化、感受野、VGG、ResNet、BatchNorm、Dropout 和 ReLU，每个概念都附有链接，指向用你的网络展示它的地方（例如：在推理标签页中点击特征图上的一个像素）。&lt;/p&gt;
&lt;p&gt;文件 → 从模板新建… 可以从 LeNet-5、AlexNet、VGG 或 ResNet 开始。编辑 → 将选中部分保存为模块… 可以保存你常用的层；它们会出现在层面板的&lt;b&gt;我的模块&lt;/b&gt;中，以及编辑 → 插入模块中。编辑 → 历史记录列出每一次编辑：点击某一行即可回到那一步。&lt;/p&gt;
</translation>
        </message>
    </context>
    <context>
        <name>Layers</name>
        <message>
            <source>receptive field {size} pixels of the input image · jump {jump} (one step on this layer's output moves {jump} input pixel)</source>
            <translation>感受野：输入图像上 {size} 像素 · 跳步 {jump}（这一层的输出每移动一步，对应输入移动 {jump} 个像素）</translation>
        </message>
        <message>
            <source>receptive field {size} pixels of the input image · jump {jump} (one step on this layer's output moves {jump} input pixels)</source>
            <translation>感受野：输入图像上 {size} 像素 · 跳步 {jump}（这一层的输出每移动一步，对应输入移动 {jump} 个像素）</translation>
        </message>
        <message>
            <source> (in the image: {size})</source>
            <translation>（在图像上：{size}）</translation>
        </message>
        <message>
            <source>{r}× more than the pair</source>
            <translation>单个卷积是这一对的 {r} 倍</translation>
        </message>
        <message>
            <source>here the single conv is cheaper, because {prev} widens {c_in} channels to {c_mid}; with equal channels C the pair needs {a}·C² instead of {b}·C²</source>
            <translation>这里单个卷积反而更省，因为 {prev} 把 {c_in} 个通道扩展到 {c_mid} 个；若通道数都为 C，这一对需要 {a}·C²，而单个卷积需要 {b}·C²</translation>
        </message>
        <message>
            <source>the same</source>
            <translation>两者相同</translation>
        </message>
        <message>
            <source>, and the pair has an activation between, one more non-linearity</source>
            <translation>，而且这一对之间还有一个激活函数，多了一次非线性</translation>
        </message>
        <message>
            <source>With {prev} before it, this layer sees {bh}×{bw} of {prev}'s input{where}. One {bh}×{bw} conv from {c_in} to {c_out} channels would need {bh}·{bw}·{c_in}·{c_out} = {one} weights instead of {k1h}·{k1w}·{c_in}·{c_mid} + {k2h}·{k2w}·{c_mid}·{c_out} = {two} ({verdict}){nonlin}: VGG's reason for stacking small kernels.</source>
            <translation>前面有 {prev}，这一层看到的是 {prev} 的输入上 {bh}×{bw} 的区域{where}。用一个 {bh}×{bw} 卷积从 {c_in} 个通道变到 {c_out} 个通道，需要 {bh}·{bw}·{c_in}·{c_out} = {one} 个权重，而这一对需要 {k1h}·{k1w}·{c_in}·{c_mid} + {k2h}·{k2w}·{c_mid}·{c_out} = {two} 个（{verdict}）{nonlin}：这就是 VGG 堆叠小卷积核的理由。</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>无</translation>
        </message>
        <message>
            <source>params = 0</source>
            <translation>参数量 = 0</translation>
        </message>
        <message>
            <source>  (one less: the last window would start in the padding)</source>
            <translation>  （少一个：最后一个窗口会从填充区开始）</translation>
        </message>
        <message>
            <source>dilation {d} spreads the kernel's taps apart, so it covers D·(K − 1) + 1 = {h}×{w} pixels instead of K×K: PyTorch's general form, which is the student's form when D = 1</source>
            <translation>膨胀率 {d} 把卷积核的采样点拉开，使它覆盖 D·(K − 1) + 1 = {h}×{w} 个像素，而不是 K×K：这是 PyTorch 的一般公式，D = 1 时就是课本里的公式</translation>
        </message>
        <message>
            <source>ceil_mode rounds up instead of down, so a last, partial window at the edge is kept</source>
            <translation>ceil_mode 向上取整而不是向下取整，所以保留边缘处最后一个不完整的窗口</translation>
        </message>
        <message>
            <source>{title}: {i} → {o} (element-wise)</source>
            <translation>{title}：{i} → {o}（逐元素）</translation>
        </message>
        <message>
            <source>Rectified linear unit: negatives become zero.</source>
            <translation>修正线性单元：负值变为零。</translation>
        </message>
        <message>
            <source>f(x) = x if x &gt; 0 else slope·x</source>
            <translation>f(x) = x（x &gt; 0 时），否则 slope·x</translation>
        </message>
        <message>
            <source>Like ReLU but lets a small slope through for negatives.</source>
            <translation>与 ReLU 类似，但负值部分保留一个小斜率。</translation>
        </message>
        <message>
            <source>Slope for negative inputs</source>
            <translation>负输入的斜率</translation>
        </message>
        <message>
            <source>Gaussian error linear unit, a smooth ReLU.</source>
            <translation>高斯误差线性单元，一种平滑的 ReLU。</translation>
        </message>
        <message>
            <source>Exact ('none') or the tanh approximation</source>
            <translation>精确（'none'）或 tanh 近似</translation>
        </message>
        <message>
            <source>Squashes values into (0, 1).</source>
            <translation>把数值压缩到 (0, 1) 区间。</translation>
        </message>
        <message>
            <source>Squashes values into (−1, 1); LeNet-5's original activation.</source>
            <translation>把数值压缩到 (−1, 1) 区间；LeNet-5 最初使用的激活函数。</translation>
        </message>
        <message>
            <source>p_i = e^z_i / Σ_j e^z_j, the sum over all outputs j (dimension 1: features, or channels per pixel)</source>
            <translation>p_i = e^z_i / Σ_j e^z_j，对所有输出 j 求和（维度 1：特征，或每个像素上的各通道）</translation>
        </message>
        <message>
            <source>Turns a vector of scores into a probability distribution: each output depends on all inputs (not element-wise). Not needed before the cross-entropy loss, which applies log-softmax itself.</source>
            <translation>把一个分数向量变成概率分布：每个输出都依赖于所有输入（不是逐元素）。交叉熵损失之前不需要它，交叉熵损失自己会做 log-softmax。</translation>
        </message>
        <message>
            <source>normalises over the {n} channels at each pixel: every p_i &gt; 0 and they sum to 1; the largest score gets the largest probability</source>
            <translation>在每个像素的 {n} 个通道上归一化：每个 p_i &gt; 0，且总和为 1；分数最大的得到最大的概率</translation>
        </message>
        <message>
            <source>normalises over all {n} outputs: every p_i &gt; 0 and they sum to 1; the largest score gets the largest probability</source>
            <translation>在全部 {n} 个输出上归一化：每个 p_i &gt; 0，且总和为 1；分数最大的得到最大的概率</translation>
        </message>
        <message>
            <source>normalises over all outputs: every p_i &gt; 0 and they sum to 1; the largest score gets the largest probability</source>
            <translation>在全部输出上归一化：每个 p_i &gt; 0，且总和为 1；分数最大的得到最大的概率</translation>
        </message>
        <message>
            <source>Softmax: {i} → {o} (not element-wise: each p_i depends on every z_j)</source>
            <translation>Softmax：{i} → {o}（不是逐元素：每个 p_i 都依赖于所有 z_j）</translation>
        </message>
        <message>
            <source>The image that enters the network: channels × height × width.</source>
            <translation>进入网络的图像：通道 × 高 × 宽。</translation>
        </message>
        <message>
            <source>Colour channels: 1 for grayscale, 3 for RGB</source>
            <translation>颜色通道数：灰度图为 1，RGB 为 3</translation>
        </message>
        <message>
            <source>Image height in pixels</source>
            <translation>图像高度（像素）</translation>
        </message>
        <message>
            <source>Image width in pixels</source>
            <translation>图像宽度（像素）</translation>
        </message>
        <message>
            <source>Input: images of {shape} (channels × height × width)</source>
            <translation>输入：{shape} 的图像（通道 × 高 × 宽）</translation>
        </message>
        <message>
            <source>2-D convolution: slides out_channels learned kernels over the image; each makes one feature map.</source>
            <translation>二维卷积：用 out_channels 个可学习的卷积核在图像上滑动；每个卷积核生成一个特征图。</translation>
        </message>
        <message>
            <source>Number of kernels = feature maps produced</source>
            <translation>卷积核个数 = 生成的特征图个数</translation>
        </message>
        <message>
            <source>Kernel height × width (one number for square)</source>
            <translation>卷积核的高 × 宽（正方形时填一个数）</translation>
        </message>
        <message>
            <source>Step between kernel positions</source>
            <translation>卷积核每次移动的步幅</translation>
        </message>
        <message>
            <source>Zeros added on each side; 'same' keeps the size (stride 1)</source>
            <translation>每一侧补零的行/列数（填充）；'same' 保持尺寸不变（步幅为 1 时）</translation>
        </message>
        <message>
            <source>Spacing between kernel taps</source>
            <translation>卷积核采样点之间的间距</translation>
        </message>
        <message>
            <source>Split channels into groups (in and out must divide)</source>
            <translation>把通道分成若干组（输入和输出通道数都须能被整除）</translation>
        </message>
        <message>
            <source>Learn an additive bias per output channel</source>
            <translation>为每个输出通道学习一个加性偏置</translation>
        </message>
        <message>
            <source>Conv2d: needs a C×H×W input</source>
            <translation>Conv2d：需要 C×H×W 的输入</translation>
        </message>
        <message>
            <source>Conv2d: {i} → {o}  ({n} kernels, one feature map each)</source>
            <translation>Conv2d：{i} → {o}（{n} 个卷积核，每个生成一个特征图）</translation>
        </message>
        <message>
            <source>padding 'same': H_out = H_in = {h}, W_out = W_in = {w}</source>
            <translation>填充 'same'：H_out = H_in = {h}，W_out = W_in = {w}</translation>
        </message>
        <message>
            <source>(general form: {note})</source>
            <translation>（一般形式：{note}）</translation>
        </message>
        <message>
            <source>params = K_h·K_w·{sym}·C_out + C_out (bias) = {k0}·{k1}·{cin}·{co} + {co} = {n}</source>
            <translation>参数量 = K_h·K_w·{sym}·C_out + C_out（偏置）= {k0}·{k1}·{cin}·{co} + {co} = {n}</translation>
        </message>
        <message>
            <source>params = K_h·K_w·{sym}·C_out (no bias) = {k0}·{k1}·{cin}·{co} = {n}</source>
            <translation>参数量 = K_h·K_w·{sym}·C_out（无偏置）= {k0}·{k1}·{cin}·{co} = {n}</translation>
        </message>
        <message>
            <source>  K_h×K_w = {k0}×{k1} kernel, C_in = {c} input channels in {g} groups, C_out = {co} kernels, one bias per kernel</source>
            <translation>  K_h×K_w = {k0}×{k1} 卷积核，C_in = {c} 个输入通道（分为 {g} 组），C_out = {co} 个卷积核，每个卷积核一个偏置</translation>
        </message>
        <message>
            <source>  K_h×K_w = {k0}×{k1} kernel, C_in = {c} input channels in {g} groups, C_out = {co} kernels</source>
            <translation>  K_h×K_w = {k0}×{k1} 卷积核，C_in = {c} 个输入通道（分为 {g} 组），C_out = {co} 个卷积核</translation>
        </message>
        <message>
            <source>  K_h×K_w = {k0}×{k1} kernel, C_in = {c} input channels, C_out = {co} kernels, one bias per kernel</source>
            <translation>  K_h×K_w = {k0}×{k1} 卷积核，C_in = {c} 个输入通道，C_out = {co} 个卷积核，每个卷积核一个偏置</translation>
        </message>
        <message>
            <source>  K_h×K_w = {k0}×{k1} kernel, C_in = {c} input channels, C_out = {co} kernels</source>
            <translation>  K_h×K_w = {k0}×{k1} 卷积核，C_in = {c} 个输入通道，C_out = {co} 个卷积核</translation>
        </message>
        <message>
            <source>Adds rows and columns of zeros around each feature map.</source>
            <translation>在每个特征图四周补上若干行和列的零。</translation>
        </message>
        <message>
            <source>Zeros on each side, or [left, right, top, bottom]</source>
            <translation>每一侧补零的数量，或 [左, 右, 上, 下]</translation>
        </message>
        <message>
            <source>ZeroPad2d: needs a C×H×W input</source>
            <translation>ZeroPad2d：需要 C×H×W 的输入</translation>
        </message>
        <message>
            <source>adds {cols} column(s) and {rows} row(s) of zeros to each feature map</source>
            <translation>给每个特征图补上 {cols} 列和 {rows} 行零</translation>
        </message>
        <message>
            <source>Fully connected layer: y = W·x + b.</source>
            <translation>全连接层：y = W·x + b。</translation>
        </message>
        <message>
            <source>Number of outputs</source>
            <translation>输出个数</translation>
        </message>
        <message>
            <source>Number of inputs (empty = inferred from the input)</source>
            <translation>输入个数（留空 = 由输入推断）</translation>
        </message>
        <message>
            <source>Learn an additive bias per output</source>
            <translation>为每个输出学习一个加性偏置</translation>
        </message>
        <message>
            <source>Linear: y = W·x + b; needs a vector input (insert Flatten before it)</source>
            <translation>Linear：y = W·x + b；需要向量输入（在它前面插入 Flatten）</translation>
        </message>
        <message>
            <source>Linear: {i} → {o}   y = W·x + b, W is {o}×{i}</source>
            <translation>Linear：{i} → {o}   y = W·x + b，W 为 {o}×{i}</translation>
        </message>
        <message>
            <source>params = {i}·{o}{b} = {n}</source>
            <translation>参数量 = {i}·{o}{b} = {n}</translation>
        </message>
        <message>
            <source>Unrolls C×H×W feature maps into one vector of C·H·W features.</source>
            <translation>把 C×H×W 的特征图展开成一个含 C·H·W 个特征的向量。</translation>
        </message>
        <message>
            <source>Flatten: {i} → {dims} = {n} features</source>
            <translation>Flatten：{i} → {dims} = {n} 个特征</translation>
        </message>
        <message>
            <source>Passes its input through unchanged (a placeholder).</source>
            <translation>原样输出它的输入（占位用）。</translation>
        </message>
        <message>
            <source>Adds two or more tensors of the same shape: the residual skip of ResNet.</source>
            <translation>把两个或多个形状相同的张量相加：即 ResNet 的残差连接。</translation>
        </message>
        <message>
            <source>Add: {i} → {o} (element-wise sum; shapes must match)</source>
            <translation>Add：{i} → {o}（逐元素求和；形状必须一致）</translation>
        </message>
        <message>
            <source>Stacks two or more tensors along the channel (or feature) dimension.</source>
            <translation>沿通道（或特征）维度拼接两个或多个张量。</translation>
        </message>
        <message>
            <source>Concat: channels {ch} = {n} → {o}</source>
            <translation>Concat：通道 {ch} = {n} → {o}</translation>
        </message>
        <message>
            <source>ReLU capped at 6 (MobileNetV2): robust in low-precision arithmetic.</source>
            <translation>上限为 6 的 ReLU（MobileNetV2）：在低精度运算中更稳健。</translation>
        </message>
        <message>
            <source>Sigmoid-weighted linear unit, also called Swish (EfficientNet).</source>
            <translation>Sigmoid 加权线性单元，也叫 Swish（EfficientNet）。</translation>
        </message>
        <message>
            <source>A cheap piecewise approximation of Swish (MobileNetV3).</source>
            <translation>Swish 的一种廉价分段近似（MobileNetV3）。</translation>
        </message>
        <message>
            <source>A cheap piecewise approximation of the sigmoid (MobileNetV3's squeeze-excitation gate).</source>
            <translation>Sigmoid 的一种廉价分段近似（MobileNetV3 的挤压-激励门控）。</translation>
        </message>
        <message>
            <source>Multiplies two tensors element by element; a C×1×1 input scales every channel of a C×H×W one (the squeeze-excitation gate).</source>
            <translation>把两个张量逐元素相乘；C×1×1 的输入会缩放 C×H×W 输入的每个通道（挤压-激励门控）。</translation>
        </message>
        <message>
            <source>Multiply: {i} → {o} (element-wise product; size-1 dimensions are repeated to match)</source>
            <translation>Multiply：{i} → {o}（逐元素乘积；大小为 1 的维度会重复以对齐）</translation>
        </message>
        <message>
            <source>Interleaves the channels of g groups (ShuffleNet), so the next grouped conv mixes information between groups.</source>
            <translation>把 g 组的通道交错排列（ShuffleNet），让下一个分组卷积能在组之间交换信息。</translation>
        </message>
        <message>
            <source>Number of channel groups to interleave</source>
            <translation>要交错排列的通道组数</translation>
        </message>
        <message>
            <source>ChannelShuffle: needs a C×H×W input</source>
            <translation>ChannelShuffle：需要 C×H×W 的输入</translation>
        </message>
        <message>
            <source>{c} channels as {g} groups of {n}: view {g}×{n}, transpose to {n}×{g}, flatten (channel i·{n} + j moves to j·{g} + i)</source>
            <translation>{c} 个通道分成 {g} 组，每组 {n} 个：view 成 {g}×{n}，转置为 {n}×{g}，再展平（通道 i·{n} + j 移到 j·{g} + i）</translation>
        </message>
        <message>
            <source>Keeps one of several equal slices of the channels (x.chunk(n, dim=1)[i]; ShuffleNet's split).</source>
            <translation>保留通道的若干等份切片之一（x.chunk(n, dim=1)[i]；ShuffleNet 的通道拆分）。</translation>
        </message>
        <message>
            <source>Number of equal slices</source>
            <translation>等份切片的数量</translation>
        </message>
        <message>
            <source>Which slice to keep (0 = the first)</source>
            <translation>保留第几个切片（0 = 第一个）</translation>
        </message>
        <message>
            <source>ChannelChunk: keeps one slice of the channels</source>
            <translation>ChannelChunk：保留通道的一个切片</translation>
        </message>
        <message>
            <source>slice {i} of {n}: channels {a}…{b} (ceil({c}/{n}) = {step} per slice)</source>
            <translation>第 {i} 个切片（共 {n} 个）：通道 {a}…{b}（ceil({c}/{n}) = 每个切片 {step} 个）</translation>
        </message>
        <message>
            <source>Averages each feature map to one number: x.mean((2, 3)) (global average pooling).</source>
            <translation>把每个特征图平均成一个数：x.mean((2, 3))（全局平均池化）。</translation>
        </message>
        <message>
            <source>Keep C×1×1 (on) or give a vector of C (off)</source>
            <translation>保持 C×1×1（开）或输出长度为 C 的向量（关）</translation>
        </message>
        <message>
            <source>GlobalMean: needs a C×H×W input</source>
            <translation>GlobalMean：需要 C×H×W 的输入</translation>
        </message>
        <message>
            <source>each of the {c} maps: sum of {h}·{w} = {n} values / {n}</source>
            <translation>{c} 个特征图中的每一个：{h}·{w} = {n} 个值之和 / {n}</translation>
        </message>
        <message>
            <source>Added to the variance for numerical stability</source>
            <translation>加到方差上以保证数值稳定</translation>
        </message>
        <message>
            <source>Normalises the C values of each pixel (mean 0, variance 1 over the channels), then scales and shifts per channel; independent of the batch (ConvNeXt).</source>
            <translation>对每个像素的 C 个值做归一化（在通道上均值为 0、方差为 1），再按通道缩放和平移；与批无关（ConvNeXt）。</translation>
        </message>
        <message>
            <source>LayerNorm2d: needs a C×H×W input</source>
            <translation>LayerNorm2d：需要 C×H×W 的输入</translation>
        </message>
        <message>
            <source>each of the {h}·{w} = {n} pixels: y = (x − mean)/√(var + {eps})·γ + β over its {c} channels</source>
            <translation>{h}·{w} = {n} 个像素中的每一个：在它的 {c} 个通道上 y = (x − mean)/√(var + {eps})·γ + β</translation>
        </message>
        <message>
            <source>params = 2·{c} = {n} (γ and β)</source>
            <translation>参数量 = 2·{c} = {n}（γ 和 β）</translation>
        </message>
        <message>
            <source>Normalises over the last dimension (the features, or the channels after a channels-last Permute).</source>
            <translation>在最后一个维度上归一化（特征，或通道置后的 Permute 之后的通道）。</translation>
        </message>
        <message>
            <source>LayerNorm: needs an input</source>
            <translation>LayerNorm：需要一个输入</translation>
        </message>
        <message>
            <source>{n} vector(s) of {d}: y = (x − mean)/√(var + {eps})·γ + β</source>
            <translation>{n} 个长度为 {d} 的向量：y = (x − mean)/√(var + {eps})·γ + β</translation>
        </message>
        <message>
            <source>Moves the channels last (C×H×W → H×W×C) or back first, so that LayerNorm and LinearLast work on the channels of every pixel (ConvNeXt).</source>
            <translation>把通道移到最后（C×H×W → H×W×C）或移回最前，使 LayerNorm 和 LinearLast 作用于每个像素的通道（ConvNeXt）。</translation>
        </message>
        <message>
            <source>channels_last: C×H×W → H×W×C; channels_first: H×W×C → C×H×W</source>
            <translation>channels_last：C×H×W → H×W×C；channels_first：H×W×C → C×H×W</translation>
        </message>
        <message>
            <source>Permute ({dims}): {i} → {o} (no values change, only their order)</source>
            <translation>Permute ({dims})：{i} → {o}（数值不变，只改变顺序）</translation>
        </message>
        <message>
            <source>A Linear layer applied to the last dimension of every position (after a channels-last Permute it is a 1×1 conv: ConvNeXt's pointwise layers).</source>
            <translation>作用于每个位置最后一个维度的 Linear 层（在通道置后的 Permute 之后，它就是 1×1 卷积：ConvNeXt 的逐点层）。</translation>
        </message>
        <message>
            <source>Number of outputs per position</source>
            <translation>每个位置的输出个数</translation>
        </message>
        <message>
            <source>LinearLast: y = W·x + b on the last dimension</source>
            <translation>LinearLast：在最后一个维度上 y = W·x + b</translation>
        </message>
        <message>
            <source>LinearLast: {i} → {o}   y = W·x + b at each of {n} positions</source>
            <translation>LinearLast：{i} → {o}   在 {n} 个位置上各做 y = W·x + b</translation>
        </message>
        <message>
            <source>Multiplies each channel by a learned scale that starts tiny (1e-6), so a deep residual branch starts near zero (CaiT, ConvNeXt).</source>
            <translation>给每个通道乘上一个可学习的缩放系数，初值很小（1e-6），使很深的残差分支一开始接近零（CaiT、ConvNeXt）。</translation>
        </message>
        <message>
            <source>Starting value of every scale</source>
            <translation>每个缩放系数的初始值</translation>
        </message>
        <message>
            <source>LayerScale: needs a C×H×W input</source>
            <translation>LayerScale：需要 C×H×W 的输入</translation>
        </message>
        <message>
            <source>LayerScale: {i} → {o}   y_c = γ_c·x_c, γ starts at {init}
params = {c} (one scale per channel)</source>
            <translation>LayerScale：{i} → {o}   y_c = γ_c·x_c，γ 的初值为 {init}
参数量 = {c}（每个通道一个缩放系数）</translation>
        </message>
        <message>
            <source>While training, skips a residual branch with probability p (its block becomes the identity); the identity at test time.</source>
            <translation>训练时以概率 p 跳过一个残差分支（它所在的模块变成恒等映射）；测试时为恒等映射。</translation>
        </message>
        <message>
            <source>Probability of dropping the branch</source>
            <translation>丢弃该分支的概率</translation>
        </message>
        <message>
            <source>row: per image; batch: the whole batch at once</source>
            <translation>row：按每张图像；batch：整批一起</translation>
        </message>
        <message>
            <source>nothing (p = 1 drops every branch)</source>
            <translation>不保留（p = 1 会丢弃所有分支）</translation>
        </message>
        <message>
            <source>training: drop the branch with p = {p} ({mode}), scale what is kept by {keep}; evaluation: identity</source>
            <translation>训练：以 p = {p} 丢弃该分支（{mode}），保留的部分乘以 {keep}；评估：恒等映射</translation>
        </message>
        <message>
            <source>Normalises each channel over the batch, then scales and shifts it; 2d on images, 1d on vectors (chosen from the input).</source>
            <translation>对每个通道在整批数据上做归一化，再缩放和平移；图像上用 2d，向量上用 1d（由输入决定）。</translation>
        </message>
        <message>
            <source>Added to the variance for numerical stability (above 0, as torch requires)</source>
            <translation>加到方差上以保证数值稳定（须大于 0，torch 的要求）</translation>
        </message>
        <message>
            <source>Weight of the newest batch in the running statistics</source>
            <translation>运行统计量中最新一批所占的权重（动量）</translation>
        </message>
        <message>
            <source>Learn a scale (γ) and shift (β) per channel</source>
            <translation>为每个通道学习一个缩放（γ）和平移（β）</translation>
        </message>
        <message>
            <source>BatchNorm: needs an input</source>
            <translation>BatchNorm：需要一个输入</translation>
        </message>
        <message>
            <source>params = 2·C = 2·{c} = {n} (learned: γ and β, one pair per channel)</source>
            <translation>参数量 = 2·C = 2·{c} = {n}（可学习：γ 和 β，每个通道一对）</translation>
        </message>
        <message>
            <source>params = 0 (affine off: γ = 1, β = 0)</source>
            <translation>参数量 = 0（affine 关闭：γ = 1，β = 0）</translation>
        </message>
        <message>
            <source>training: μ, σ² are the mean and variance of each channel over the batch and all pixels; evaluation: the running mean and variance (updated with momentum {m})</source>
            <translation>训练：μ、σ² 是每个通道在整批数据和所有像素上的均值和方差；评估：使用运行均值和方差（以动量 {m} 更新）</translation>
        </message>
        <message>
            <source>training: μ, σ² are the mean and variance of each channel over the batch; evaluation: the running mean and variance (updated with momentum {m})</source>
            <translation>训练：μ、σ² 是每个通道在整批数据上的均值和方差；评估：使用运行均值和方差（以动量 {m} 更新）</translation>
        </message>
        <message>
            <source>y = γ·(x − μ)/√(σ² + ε) + β, per channel (ε = {eps})</source>
            <translation>y = γ·(x − μ)/√(σ² + ε) + β，按通道计算（ε = {eps}）</translation>
        </message>
        <message>
            <source>buffers = 2·{c} + 1 = {n} (running mean and variance, batch counter; kept, not trained)</source>
            <translation>缓冲量 = 2·{c} + 1 = {n}（运行均值和方差、批计数器；保存但不训练）</translation>
        </message>
        <message>
            <source>Normalises each value by its neighbours across channels (AlexNet, 2012).</source>
            <translation>用跨通道的相邻值对每个值做归一化（AlexNet，2012）。</translation>
        </message>
        <message>
            <source>Number of neighbouring channels</source>
            <translation>相邻通道数</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>缩放系数</translation>
        </message>
        <message>
            <source>Exponent</source>
            <translation>指数</translation>
        </message>
        <message>
            <source>Additive constant</source>
            <translation>加性常数</translation>
        </message>
        <message>
            <source>While training, zeroes each value with probability p (and scales the rest); off at test time.</source>
            <translation>训练时以概率 p 把每个值置零（并放大其余的值）；测试时关闭。</translation>
        </message>
        <message>
            <source>Probability of dropping a value</source>
            <translation>丢弃一个值的概率</translation>
        </message>
        <message>
            <source>training: each value is zeroed with probability p = {p}, {keep}, so the expected sum is unchanged</source>
            <translation>训练：每个值以概率 p = {p} 置零，{keep}，因此期望总和不变</translation>
        </message>
        <message>
            <source>While training, zeroes whole feature maps with probability p.</source>
            <translation>训练时以概率 p 把整个特征图置零。</translation>
        </message>
        <message>
            <source>Probability of dropping a channel</source>
            <translation>丢弃一个通道的概率</translation>
        </message>
        <message>
            <source>training: each whole channel (feature map) is zeroed with probability p = {p}, {keep}, so the expected sum is unchanged</source>
            <translation>训练：每个完整通道（特征图）以概率 p = {p} 置零，{keep}，因此期望总和不变</translation>
        </message>
        <message>
            <source>the rest scaled by 1/(1 − p) = {f}</source>
            <translation>其余的值乘以 1/(1 − p) = {f}</translation>
        </message>
        <message>
            <source>nothing is kept</source>
            <translation>什么都不保留</translation>
        </message>
        <message>
            <source>evaluation (predict, evaluate): passes everything through unchanged</source>
            <translation>评估（预测、评估时）：全部原样通过</translation>
        </message>
        <message>
            <source>params = 0 (nothing to learn)</source>
            <translation>参数量 = 0（没有要学习的东西）</translation>
        </message>
        <message>
            <source>each output pixel is the maximum of a {kh}×{kw} window, channel by channel ({c} channels in, {c} out)</source>
            <extracomment>each output pixel is the … of a window (a whole sentence per reduction, for the translation)</extracomment>
            <translation>每个输出像素是一个 {kh}×{kw} 窗口中的最大值，逐通道计算（输入 {c} 个通道，输出 {c} 个）</translation>
        </message>
        <message>
            <source>{title}: needs a C×H×W input</source>
            <translation>{title}：需要 C×H×W 的输入</translation>
        </message>
        <message>
            <source>params = 0 (pooling has nothing to learn: no weights, no bias)</source>
            <translation>参数量 = 0（池化没有要学习的东西：没有权重，也没有偏置）</translation>
        </message>
        <message>
            <source>Keeps the largest value in each window (2×2 with stride 2 halves the map).</source>
            <translation>保留每个窗口中的最大值（2×2、步幅 2 时特征图减半）。</translation>
        </message>
        <message>
            <source>Keeps the largest value in each window: halves the map with 2×2 stride 2.</source>
            <translation>保留每个窗口中的最大值：2×2、步幅 2，特征图减半。</translation>
        </message>
        <message>
            <source>Keeps the largest value in each {kh}×{kw} window, stride {s}: keeps the map's size.</source>
            <translation>保留每个 {kh}×{kw} 窗口中的最大值，步幅 {s}：特征图尺寸不变。</translation>
        </message>
        <message>
            <source>Keeps the largest value in each {kh}×{kw} window, stride {s}: divides the map by about {s}.</source>
            <translation>保留每个 {kh}×{kw} 窗口中的最大值，步幅 {s}：特征图约缩小为 1/{s}。</translation>
        </message>
        <message>
            <source>Window height × width</source>
            <translation>窗口的高 × 宽</translation>
        </message>
        <message>
            <source>Step between windows (empty = window size)</source>
            <translation>窗口之间的步幅（留空 = 窗口大小）</translation>
        </message>
        <message>
            <source>Implicit −∞ padding on each side (≤ half the window)</source>
            <translation>每一侧的隐式 −∞ 填充（≤ 窗口的一半）</translation>
        </message>
        <message>
            <source>Spacing between window taps</source>
            <translation>窗口采样点之间的间距</translation>
        </message>
        <message>
            <source>Round the output size up instead of down</source>
            <translation>输出尺寸向上取整而不是向下取整</translation>
        </message>
        <message>
            <source>each output pixel is the average of a {kh}×{kw} window, channel by channel ({c} channels in, {c} out)</source>
            <translation>每个输出像素是一个 {kh}×{kw} 窗口中的平均值，逐通道计算（输入 {c} 个通道，输出 {c} 个）</translation>
        </message>
        <message>
            <source>Averages each window.</source>
            <translation>对每个窗口取平均。</translation>
        </message>
        <message>
            <source>Zero padding on each side (≤ half the window)</source>
            <translation>每一侧补零的填充（≤ 窗口的一半）</translation>
        </message>
        <message>
            <source>Count padded zeros in the average</source>
            <translation>平均时把填充的零也计入</translation>
        </message>
        <message>
            <source>Output height × width, whatever the input size</source>
            <translation>输出的高 × 宽，与输入尺寸无关</translation>
        </message>
        <message>
            <source>the window adapts so that any H×W becomes {size}</source>
            <translation>窗口会自动调整，使任意 H×W 都变成 {size}</translation>
        </message>
        <message>
            <source>Averages to a fixed output size (global average pooling with 1×1).</source>
            <translation>平均池化到固定的输出尺寸（1×1 时即全局平均池化）。</translation>
        </message>
        <message>
            <source>Takes the maximum over windows sized to give a fixed output size.</source>
            <translation>在按固定输出尺寸划分的窗口上取最大值。</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Convolution</source>
            <translation>卷积</translation>
        </message>
        <message>
            <source>Pooling</source>
            <translation>池化</translation>
        </message>
        <message>
            <source>Normalisation</source>
            <translation>归一化</translation>
        </message>
        <message>
            <source>Regularisation</source>
            <translation>正则化</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>激活</translation>
        </message>
        <message>
            <source>Linear/Reshape</source>
            <translation>全连接/变形</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <source>affine</source>
            <translation>仿射（γ, β）</translation>
        </message>
        <message>
            <source>alpha</source>
            <translation>缩放系数 α</translation>
        </message>
        <message>
            <source>approximate</source>
            <translation>近似方式</translation>
        </message>
        <message>
            <source>beta</source>
            <translation>指数 β</translation>
        </message>
        <message>
            <source>bias</source>
            <translation>偏置</translation>
        </message>
        <message>
            <source>ceil mode</source>
            <translation>向上取整</translation>
        </message>
        <message>
            <source>channels</source>
            <translation>通道数</translation>
        </message>
        <message>
            <source>chunks</source>
            <translation>切片数</translation>
        </message>
        <message>
            <source>count include pad</source>
            <translation>平均计入填充</translation>
        </message>
        <message>
            <source>dilation</source>
            <translation>膨胀率</translation>
        </message>
        <message>
            <source>eps</source>
            <translation>ε</translation>
        </message>
        <message>
            <source>groups</source>
            <translation>分组数</translation>
        </message>
        <message>
            <source>height</source>
            <translation>高度</translation>
        </message>
        <message>
            <source>in features</source>
            <translation>输入特征数</translation>
        </message>
        <message>
            <source>index</source>
            <translation>切片序号</translation>
        </message>
        <message>
            <source>init</source>
            <translation>初始值</translation>
        </message>
        <message>
            <source>k</source>
            <translation>常数 k</translation>
        </message>
        <message>
            <source>keepdim</source>
            <translation>保留维度</translation>
        </message>
        <message>
            <source>kernel size</source>
            <translation>卷积核大小</translation>
        </message>
        <message>
            <source>window size</source>
            <translation>窗口大小</translation>
        </message>
        <message>
            <source>mode</source>
            <translation>模式</translation>
        </message>
        <message>
            <source>momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <source>negative slope</source>
            <translation>负半轴斜率</translation>
        </message>
        <message>
            <source>order</source>
            <translation>维度顺序</translation>
        </message>
        <message>
            <source>out channels</source>
            <translation>输出通道数</translation>
        </message>
        <message>
            <source>out features</source>
            <translation>输出特征数</translation>
        </message>
        <message>
            <source>output size</source>
            <translation>输出尺寸</translation>
        </message>
        <message>
            <source>p</source>
            <translation>概率 p</translation>
        </message>
        <message>
            <source>padding</source>
            <translation>填充</translation>
        </message>
        <message>
            <source>size</source>
            <translation>邻域通道数</translation>
        </message>
        <message>
            <source>stride</source>
            <translation>步幅</translation>
        </message>
        <message>
            <source>width</source>
            <translation>宽度</translation>
        </message>
    </context>
    <context>
        <name>Runs</name>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <source>Best acc</source>
            <translation>最佳准确率</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>Templates</name>
        <message>
            <source>LeCun's digit reader: two 5×5 conv + pool stages, then FC 120, 84, classes</source>
            <translation>LeCun 的手写数字识别网络：两个 5×5 卷积 + 池化阶段，然后是全连接层 120、84、类别数</translation>
        </message>
        <message>
            <source>Convolutions with shared weights and subsampling, trained end to end by back-propagation, instead of hand-made features. (The original used tanh-like squashing and average subsampling; this version uses ReLU and max pooling, which train faster.) A 28×28 input gets padding 2 on conv1, as MNIST tutorials do.</source>
            <translation>用共享权重的卷积和下采样代替手工设计的特征，通过反向传播端到端训练。（原版使用类似 tanh 的压缩函数和平均下采样；这个版本使用 ReLU 和最大池化，训练更快。）28×28 的输入会在 conv1 上加填充 2，与 MNIST 教程的做法相同。</translation>
        </message>
        <message>
            <source>Five conv layers and three FC layers with ReLU and Dropout (torchvision's variant)</source>
            <translation>五个卷积层和三个全连接层，带 ReLU 和 Dropout（torchvision 的版本）</translation>
        </message>
        <message>
            <source>A deep CNN trained on GPUs won ImageNet 2012 by a wide margin: ReLU instead of tanh for fast training, Dropout against overfitting in the big FC layers, data augmentation. This is torchvision's single-GPU variant (64-192-384-256-256 channels, AdaptiveAvgPool 6×6).</source>
            <translation>一个在 GPU 上训练的深度 CNN 以巨大优势赢得了 ImageNet 2012：用 ReLU 代替 tanh 以加快训练，在大的全连接层中用 Dropout 缓解过拟合，并使用数据增强。这里是 torchvision 的单 GPU 版本（64-192-384-256-256 个通道，AdaptiveAvgPool 6×6）。</translation>
        </message>
        <message>
            <source>AlexNet refined by visualising features: 7×7 stride-2 first conv, 5×5 stride-2 second</source>
            <translation>通过特征可视化改进的 AlexNet：第一个卷积 7×7、步幅 2，第二个 5×5、步幅 2</translation>
        </message>
        <message>
            <source>Deconvolution visualisations showed AlexNet's 11×11 stride-4 first layer lost detail; a 7×7 stride-2 first conv and a stride-2 second conv fixed it and won ImageNet 2013. Sizes: 224 → 110 → pool 55 → 26 → pool 13 → 13 → 13 → pool 6×6×256 → FC 4096, 4096.</source>
            <translation>反卷积可视化显示，AlexNet 第一层 11×11、步幅 4 的卷积丢失了细节；改为 7×7、步幅 2 的第一个卷积和步幅 2 的第二个卷积后问题得到解决，并赢得了 ImageNet 2013。尺寸：224 → 110 → 池化 55 → 26 → 池化 13 → 13 → 13 → 池化 6×6×256 → 全连接 4096、4096。</translation>
        </message>
        <message>
            <source>4 dense blocks (6, 12, 24, 16 layers, growth rate 32) joined by transitions, global average pool, FC</source>
            <translation>4 个稠密块（6、12、24、16 层，增长率 32），由过渡层连接，全局平均池化，全连接层</translation>
        </message>
        <message>
            <source>Dense connectivity: each layer takes the concatenated feature maps of all earlier layers in its block and adds only k = 32 new ones, so features are reused, gradients reach every layer directly, and the network needs far fewer parameters than a ResNet of similar accuracy.</source>
            <translation>稠密连接：每一层都接收本块中所有前面各层拼接起来的特征图，自己只新增 k = 32 张，因此特征得到复用，梯度能直接到达每一层，而且与准确率相近的 ResNet 相比，所需参数少得多。</translation>
        </message>
        <message>
            <source>9 Inception modules (four parallel branches concatenated) between max pools, global average pool, dropout, FC; no auxiliary heads</source>
            <translation>9 个 Inception 模块（四条并行分支拼接）穿插在最大池化层之间，全局平均池化，Dropout，全连接层；不含辅助分类头</translation>
        </message>
        <message>
            <source>The Inception module: 1×1, 3×3 and 5×5 convolutions and a max pool side by side, their outputs concatenated, with 1×1 convs first to cut the channels so the wide module stays cheap; 22 layers deep with 12× fewer parameters than AlexNet.</source>
            <translation>Inception 模块：1×1、3×3、5×5 卷积和一个最大池化并排，输出拼接在一起；先用 1×1 卷积减少通道，使这个很宽的模块计算量仍然不大；网络深 22 层，参数却比 AlexNet 少 12 倍。</translation>
        </message>
        <message>
            <source>17 inverted residual blocks (1×1 expand ×6, depthwise 3×3, linear 1×1 projection), ReLU6, global average pool, dropout, FC</source>
            <translation>17 个倒残差块（1×1 扩展 ×6、深度可分离 3×3、线性 1×1 投影），ReLU6，全局平均池化，Dropout，全连接层</translation>
        </message>
        <message>
            <source>Inverted residuals with linear bottlenecks: the skip joins thin tensors, the block expands them ×6 for a cheap depthwise 3×3 conv (one kernel per channel) and a linear 1×1 projection without an activation brings them back, so little information is lost; a fraction of ResNet's multiply-adds.</source>
            <translation>带线性瓶颈的倒残差：跳跃连接连接的是较窄的张量，块内先把它扩展 ×6，做一次廉价的深度可分离 3×3 卷积（每个通道一个卷积核），再用不带激活函数的线性 1×1 投影把它变回较窄的张量，因此几乎不丢失信息；乘加运算量只有 ResNet 的一小部分。</translation>
        </message>
        <message>
            <source>16 MBConv blocks (expand, depthwise 3×3/5×5, squeeze-excitation, projection) with SiLU and stochastic depth, global average pool, dropout, FC</source>
            <translation>16 个 MBConv 块（扩展、深度可分离 3×3/5×5、挤压-激励、投影），带 SiLU 和随机深度，全局平均池化，Dropout，全连接层</translation>
        </message>
        <message>
            <source>Compound scaling: depth, width and resolution grow together by fixed ratios from a small searched base network (B0) of MBConv blocks, each with a squeeze-excitation gate that reweights its channels (global pool → 1×1 convs → sigmoid → multiply).</source>
            <translation>复合缩放：从搜索得到的小型基础网络（B0，由 MBConv 块组成）出发，深度、宽度和分辨率按固定比例一起增长；每个块都有一个挤压-激励门，对自己的通道重新加权（全局池化 → 1×1 卷积 → sigmoid → 相乘）。</translation>
        </message>
        <message>
            <source>Residual learning: each block learns F(x) and outputs F(x) + x through an identity skip (a 1×1 projection where the shape changes), so very deep networks still train. BasicBlock: two 3×3 convs with BatchNorm.</source>
            <translation>残差学习：每个块学习 F(x)，并通过恒等跳跃连接（形状改变处用 1×1 投影）输出 F(x) + x，所以很深的网络也能训练。BasicBlock：两个带 BatchNorm 的 3×3 卷积。</translation>
        </message>
        <message>
            <source>Residual learning with bottleneck blocks: 1×1 conv reduces the channels, 3×3 conv works on the small tensor, 1×1 conv expands ×4; the identity skip (a 1×1 projection where the shape changes) is added before the last ReLU. torchvision's v1.5: stride on the 3×3.</source>
            <translation>使用瓶颈块的残差学习：1×1 卷积减少通道，3×3 卷积在较小的张量上计算，1×1 卷积再扩展 ×4；恒等跳跃连接（形状改变处用 1×1 投影）在最后一个 ReLU 之前相加。torchvision 的 v1.5：步幅放在 3×3 卷积上。</translation>
        </message>
        <message>
            <source>{depth} layers: {counts} {kind}s in four stages, global average pool, FC</source>
            <translation>{depth} 层：四个阶段分别有 {counts} 个 {kind}，全局平均池化，全连接层</translation>
        </message>
        <message>
            <source>ResNet-50's layout with grouped 3×3 convs: 32 groups of 4 channels (×2 per stage) in every bottleneck</source>
            <translation>ResNet-50 的结构，3×3 卷积改为分组卷积：每个瓶颈块中 32 组、每组 4 个通道（每个阶段 ×2）</translation>
        </message>
        <message>
            <source>Cardinality: the bottleneck's 3×3 conv is split into 32 parallel paths (one grouped conv, groups=32), a new dimension besides depth and width; wider bottlenecks at about ResNet-50's cost give better accuracy.</source>
            <translation>基数：瓶颈块的 3×3 卷积被拆成 32 条并行路径（一个分组卷积，groups=32），这是深度和宽度之外的新维度；在与 ResNet-50 相当的计算量下，更宽的瓶颈带来更高的准确率。</translation>
        </message>
        <message>
            <source>ResNet-50 with bottlenecks twice as wide (128, 256, 512, 1024 inner channels)</source>
            <translation>瓶颈宽度加倍的 ResNet-50（内部通道为 128、256、512、1024）</translation>
        </message>
        <message>
            <source>Width instead of depth: doubling the channels inside each bottleneck trains faster and matches much deeper thin ResNets; the outer 1×1 convs keep ResNet-50's sizes.</source>
            <translation>用宽度代替深度：把每个瓶颈块内部的通道加倍，训练更快，效果与深得多的窄 ResNet 相当；外侧的 1×1 卷积保持 ResNet-50 的尺寸。</translation>
        </message>
        <message>
            <source>{n} weight layers of 3×3 convs in five stages, FC 4096, 4096</source>
            <extracomment>title, description and idea (plain, with BatchNorm), marked for translation; {n}: the weight layers</extracomment>
            <translation>{n} 个带权重的层：五个阶段的 3×3 卷积，全连接层 4096、4096</translation>
        </message>
        <message>
            <source>Depth from small filters: stacks of 3×3 convs (two see 5×5, three see 7×7 with fewer parameters and more non-linearities), doubling channels after each 2×2 pool. {n} weight layers.</source>
            <translation>用小卷积核换取深度：堆叠 3×3 卷积（两个的感受野为 5×5，三个为 7×7，而参数更少、非线性更多），每经过一次 2×2 池化，通道数加倍。共 {n} 个带权重的层。</translation>
        </message>
        <message>
            <source>VGG-{n} with BatchNorm</source>
            <translation>VGG-{n}（带 BatchNorm）</translation>
        </message>
        <message>
            <source>{n} weight layers of 3×3 convs in five stages with BatchNorm, FC 4096, 4096</source>
            <translation>{n} 个带权重的层：五个阶段的 3×3 卷积，带 BatchNorm，全连接层 4096、4096</translation>
        </message>
        <message>
            <source>Depth from small filters: stacks of 3×3 convs (two see 5×5, three see 7×7 with fewer parameters and more non-linearities), doubling channels after each 2×2 pool. {n} weight layers. This _bn variant puts BatchNorm (Ioffe &amp; Szegedy 2015) after every conv, which lets it train from scratch without the original's staged initialisation.</source>
            <translation>用小卷积核换取深度：堆叠 3×3 卷积（两个的感受野为 5×5，三个为 7×7，而参数更少、非线性更多），每经过一次 2×2 池化，通道数加倍。共 {n} 个带权重的层。这个 _bn 版本在每个卷积之后加上 BatchNorm（Ioffe &amp; Szegedy 2015），因此无需原版的分阶段初始化，就能从头开始训练。</translation>
        </message>
    </context>
    <context>
        <name>TrainingPanel</name>
        <message>
            <source>Digits (built in, 8×8 handwritten)</source>
            <translation>Digits（内置，8×8 手写数字）</translation>
        </message>
        <message>
            <source>Shapes (built in, generated)</source>
            <translation>Shapes（内置，程序生成）</translation>
        </message>
        <message>
            <source>MNIST (folder)</source>
            <translation>MNIST（文件夹）</translation>
        </message>
        <message>
            <source>Fashion-MNIST (folder)</source>
            <translation>Fashion-MNIST（文件夹）</translation>
        </message>
        <message>
            <source>CIFAR-10 (folder)</source>
            <translation>CIFAR-10（文件夹）</translation>
        </message>
        <message>
            <source>Image folder (one subfolder per class)</source>
            <translation>图像文件夹（每个类别一个子文件夹）</translation>
        </message>
        <message>
            <source>Constant</source>
            <translation>恒定</translation>
        </message>
        <message>
            <source>Step decay</source>
            <translation>阶梯衰减</translation>
        </message>
        <message>
            <source>Cosine</source>
            <translation>余弦</translation>
        </message>
        <message>
            <source>One-cycle</source>
            <translation>单周期</translation>
        </message>
    </context>
</TS>
