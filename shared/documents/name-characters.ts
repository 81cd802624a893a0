/**
 * Characters of Chinese personal names, for the whitelist of the second reading of a name (the same idea as
 * the digit whitelist of an ID number: the engine may only answer with characters that can be there, so a
 * misreading into an unlikely character — 浩 read as 洗, 磊 as 舌 — falls back to the next best guess).
 *
 * Surnames: the single-character surnames of 百家姓 plus common ones it lacks. Given-name characters: the
 * characters most used in given names of people born 1950–2005 (public name-frequency reports). A name
 * outside these lists is still read (the first reading stands), just without this help.
 */
export const SURNAME_CHARS =
  '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎' +
  '鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平' +
  '黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童' +
  '颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔' +
  '吉钮龚程嵇邢滑裴陆荣翁荀羊惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰' +
  '秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔' +
  '阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连' +
  '茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融' +
  '冷訾辛阚那简饶空曾沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公覃肖付揭';

export const GIVEN_NAME_CHARS =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰萍建红斌波宁辉鹏飞琳晶倩雪浩宇欣怡俊峰志文亮成凯' +
  '健晨阳婷颖佳慧海龙春梅国庆永华玉金林珍丹玲燕云莲琴秋凤荣梦菲薇蓉露婉洁瑶璐嘉琪思雨涵悦诗梓子' +
  '睿博轩泽航天昊然哲鑫锐豪翔皓奕铭旭鸿毅伦坤勋瑞祥福贵德仁义礼智信忠孝喜乐安康富兴盛旺家宏卫东' +
  '南山川江河湖清源光亚丰彬彤晓小大新长生德胜利民立群学军兵力武斌东升飞跃宝珠翠青春花月星辰晴' +
  '岚岩石松柏竹兰菊荷桃杏枫柳宁静雅娴淑贤惠敏捷聪颖睿哲思远航程鹏飞翔宇宙乾坤振兴洪涛波澜滨' +
  '淼鑫磊森焱垚晶品冰洁莹滢婕媛妍姝娅娇婵妮娉婧婷媚嫣琦璇瑾瑜琼瑛琬璟璞珏珊琳琪瑶玥钰铃锦' +
  '锋钢铁铮镇钧铭鉴锡镭彦昕昱晗暄曦晖晔昭显景晋普智朗朔望朝期木本材杉桦楠梁栋桐楷榕樱檀' +
  '友有文斐斯新方旭昌明易星春昭晏晨曼曙曜月朋服朗望朝期木未本杰松林枫柏柳栋树桂桐梅楚榆荣' +
  '勤劲励勉努力加功勋助勃胜劲勇献杨少尚尔庆应康延建廷弘强彩彰影彪德徽心志忠念怀恩恒悦惠意' +
  '慈慧懿成戈战才承振捷掌政敏敬文斌旗日旦旺昆昊昌明昕星映春昭晋晓晨普景晴智暖曦书会有朋' +
  '汉江池汝沛沙河治泉泊法波泰洁洋洪津洲浦浩海涛润涵淑清渊温港湘源溪满滢漫潇澄澜瀚炎炜' +
  '炳烁烨焕然煜照熙燕爱牧物特犇玄玉王玫环玲珍珠班琛琢瑞瑶璋瓒甜生用田由甲申男画留登白百皓盈' +
  '益盛真睿知石硕碧磊礼祖神祥禄福禹秀秉科秦程稳穆空立章竣端笑笛筠箐简篷米粤精素紫红纯纳' +
  '纲纶绍经绮维缘美群羲翊翎翔翠翰耀聪育胜能舒航良艳艺节芝芬芳芸芹芷苑若英茂茵茜草荣莉莎莲' +
  '莹菁菲萌萍营萱蓓蓝蔚蕊蕾薇藏虎虹融行衡西观言誉诚诗语谦谨豪贞贤贵资赋赢赫超越路辉达迪迎' +
  '进远连迪逸道邦郁都醒金鑫钊钦钰铠银锋锦镇长闻阁阳阿陈隆雁雄雅雨雪雯零雷霄霖露青靖静非' +
  '韵韶顺颂颖风飘飞香馨驰骏高鸣鸿鹏鹤黎鼎齐龙';

/**
 * The hundred most common surnames (national census counts), which cover about 85% of people. A name read
 * with a rare surname (印, 能 …) that a second reading reads with a common one (邱, 熊 …) was most likely
 * misread: the prior that decides between two look-alike surnames.
 */
export const COMMON_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚' +
  '卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

/** Both lists as one set, for checking that a read name uses only name characters. */
export const NAME_CHARS: ReadonlySet<string> = new Set([...SURNAME_CHARS, ...GIVEN_NAME_CHARS]);

export function isSurname(c: string): boolean {
  return SURNAME_CHARS.includes(c);
}

/** Whitelist for the name reading: every listed character once. */
export const NAME_WHITELIST = [...NAME_CHARS].join('');

